import { BackupSection } from './BackupSection';

export function Dashboard() {
  return (
    <main className="li-dashboard">
      <h1>Last Impression</h1>
      <BackupSection />
    </main>
  );
}
