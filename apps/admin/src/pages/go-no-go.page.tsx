export function GoNoGoPage(props: { launchKey: string }) {
  return <main className="page">{props.launchKey}</main>;
}
