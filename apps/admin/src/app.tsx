import type { MouseEvent } from 'react';
import { LiveIndicator, LiveProvider, useLiveQuery } from './api/live';
import { HeaderQuery } from './api/operations';
import { Loading, PageTitle, TeamChip } from './components/ui';
import { BoardPage } from './pages/board.page';
import { FreezesPage } from './pages/freezes.page';
import { CreateLaunchPage } from './pages/create-launch.page';
import { GoNoGoPage } from './pages/go-no-go.page';
import { LaunchPage } from './pages/launch.page';
import { MyWorkPage } from './pages/my-work.page';
import { OutcomesPage } from './pages/outcomes.page';
import { PeoplePage } from './pages/people.page';
import { TokensPage } from './pages/tokens.page';
import { WebhooksPage } from './pages/webhooks.page';
import { SignInPage } from './pages/sign-in.page';
import { TemplatePage } from './pages/template.page';
import { TemplatesPage } from './pages/templates.page';
import { href, useRoute } from './router';
import type { Route } from './router';
import { SessionProvider, useSession } from './session';

export function App() {
  return (
    <SessionProvider
      checking={
        <main className="page">
          <Loading label="Checking your token…" />
        </main>
      }
      signedOut={(controls) => <SignInPage {...controls} />}
    >
      <SignedIn />
    </SessionProvider>
  );
}

function SignedIn() {
  const route = useRoute();
  return (
    <LiveProvider>
      <a className="skip-link" href="#main-content" onClick={skipToMain}>
        Skip to content
      </a>
      <Header route={route} />
      <div id="main-content" tabIndex={-1}>
        <Screen key={href(route)} route={route} />
      </div>
    </LiveProvider>
  );
}

function skipToMain(event: MouseEvent) {
  // The hash is the router's: move focus without changing it.
  event.preventDefault();
  document.getElementById('main-content')?.focus();
}

function Screen({ route }: { route: Route }) {
  switch (route.name) {
    case 'board':
      return <BoardPage />;
    case 'create':
      return <CreateLaunchPage />;
    case 'myWork':
      return <MyWorkPage />;
    case 'launch':
      return <LaunchPage launchKey={route.key} />;
    case 'goNoGo':
      return <GoNoGoPage launchKey={route.key} />;
    case 'outcomes':
      return <OutcomesPage />;
    case 'templates':
      return <TemplatesPage />;
    case 'freezes':
      return <FreezesPage />;
    case 'template':
      return <TemplatePage templateName={route.templateName} version={route.version} />;
    case 'people':
      return <PeoplePage />;
    case 'tokens':
      return <TokensPage />;
    case 'webhooks':
      return <WebhooksPage />;
    case 'notFound':
      return (
        <main className="page">
          <PageTitle>Page not found</PageTitle>
          <p>
            Nothing lives at <code>{route.path}</code>.{' '}
            <a href={href({ name: 'board' })}>Back to the board</a>.
          </p>
        </main>
      );
  }
}

function Header({ route }: { route: Route }) {
  const { me, signOut } = useSession();
  const current = (name: Route['name']) => (route.name === name ? 'page' : undefined);
  // Every change anywhere may add to or clear my work.
  const header = useLiveQuery(HeaderQuery, {}, () => true).data;
  const waiting = header?.myWork.length;
  return (
    <header className="app-header">
      <a className="brand" href={href({ name: 'board' })}>
        <span className="brand-mark" aria-hidden="true">
          ▲
        </span>{' '}
        Liftoff
      </a>
      <nav aria-label="Main">
        <ul>
          <li>
            <a href={href({ name: 'board' })} aria-current={current('board')}>
              Board
            </a>
          </li>
          <li>
            <a href={href({ name: 'myWork' })} aria-current={current('myWork')}>
              My work
              {waiting !== undefined && (
                <span className="nav-count">
                  {' '}
                  {waiting}
                  <span className="visually-hidden"> waiting on you</span>
                </span>
              )}
            </a>
          </li>
          <li>
            <a href={href({ name: 'outcomes' })} aria-current={current('outcomes')}>
              Outcomes
            </a>
          </li>
          <li>
            <a href={href({ name: 'templates' })} aria-current={current('templates')}>
              Templates
            </a>
          </li>
          <li>
            <a href={href({ name: 'freezes' })} aria-current={current('freezes')}>
              Freezes
            </a>
          </li>
          <li>
            {/* A page of its own (its own bundle), not a route of this app. */}
            <a href="graphiql.html">GraphQL explorer</a>
          </li>
          {header?.viewerCan.createLaunch && (
            <li>
              <a href={href({ name: 'create' })} aria-current={current('create')}>
                New launch
              </a>
            </li>
          )}
          {header?.viewerCan.manageUsers && (
            <li>
              <a href={href({ name: 'people' })} aria-current={current('people')}>
                People
              </a>
            </li>
          )}
          <li>
            <a href={href({ name: 'tokens' })} aria-current={current('tokens')}>
              Tokens
            </a>
          </li>
          {header?.viewerCan.manageWebhooks && (
            <li>
              <a href={href({ name: 'webhooks' })} aria-current={current('webhooks')}>
                Webhooks
              </a>
            </li>
          )}
        </ul>
      </nav>
      <LiveIndicator />
      <div className="me">
        <span className="visually-hidden">Signed in as </span>
        <span className="me-name" title={me.email}>
          {me.name}
        </span>
        <span className="chip chip-role">{me.role}</span>
        {me.teams.map((team) => (
          <TeamChip key={team} team={team} />
        ))}
        <button type="button" className="button small" onClick={signOut}>
          Sign out
        </button>
      </div>
    </header>
  );
}
