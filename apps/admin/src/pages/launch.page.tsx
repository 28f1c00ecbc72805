export function LaunchPage(props: { launchKey: string }) {
  return <main className="page">{props.launchKey}</main>;
}
