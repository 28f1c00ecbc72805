export function CreateLaunchPage() {
  return <main className="page">create</main>;
}
