import { useEffect, useState } from 'react';

/**
 * Hash routing under /admin/ (e.g. /admin/#/launches/checkout-v2), so every screen is a
 * deep link that works from the static files alone, whatever the server's fallback does.
 */
export type Route =
  | { name: 'board' }
  | { name: 'myWork' }
  | { name: 'create' }
  | { name: 'launch'; key: string }
  | { name: 'goNoGo'; key: string }
  | { name: 'outcomes' }
  | { name: 'templates' }
  | { name: 'freezes' }
  | { name: 'template'; templateName: string; version: number | null }
  | { name: 'people' }
  | { name: 'tokens' }
  | { name: 'webhooks' }
  | { name: 'notFound'; path: string };

export function parseRoute(hash: string): Route {
  // A query after the path (#/?view=list) belongs to the page: the board keeps its filters there.
  const path = hash.replace(/^#/, '').split('?')[0] || '/';
  if (path === '/' || path === '') return { name: 'board' };
  if (path === '/launches/new') return { name: 'create' };
  if (path === '/outcomes') return { name: 'outcomes' };
  if (path === '/templates') return { name: 'templates' };
  if (path === '/freezes') return { name: 'freezes' };
  const template = /^\/templates\/([^/]+)(?:\/versions\/(\d+))?$/.exec(path);
  if (template?.[1]) {
    const version = template[2] ? Number(template[2]) : null;
    return { name: 'template', templateName: decodeURIComponent(template[1]), version };
  }
  if (path === '/my-work') return { name: 'myWork' };
  if (path === '/people') return { name: 'people' };
  if (path === '/tokens') return { name: 'tokens' };
  if (path === '/webhooks') return { name: 'webhooks' };
  const goNoGo = /^\/launches\/([^/]+)\/go-no-go$/.exec(path);
  if (goNoGo?.[1]) return { name: 'goNoGo', key: decodeURIComponent(goNoGo[1]) };
  const launch = /^\/launches\/([^/]+)$/.exec(path);
  if (launch?.[1]) return { name: 'launch', key: decodeURIComponent(launch[1]) };
  return { name: 'notFound', path };
}

export function href(route: Route): string {
  switch (route.name) {
    case 'board':
      return '#/';
    case 'create':
      return '#/launches/new';
    case 'myWork':
      return '#/my-work';
    case 'launch':
      return `#/launches/${encodeURIComponent(route.key)}`;
    case 'goNoGo':
      return `#/launches/${encodeURIComponent(route.key)}/go-no-go`;
    case 'outcomes':
      return '#/outcomes';
    case 'templates':
      return '#/templates';
    case 'freezes':
      return '#/freezes';
    case 'template':
      return `#/templates/${encodeURIComponent(route.templateName)}${route.version === null ? '' : `/versions/${route.version}`}`;
    case 'people':
      return '#/people';
    case 'tokens':
      return '#/tokens';
    case 'webhooks':
      return '#/webhooks';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = href(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
