import { ErrorBoundary } from '../ErrorBoundary';
import { BackupSection } from './BackupSection';
import { ContactPage } from './ContactPage';
import { ContactsView } from './ContactsView';
import { CsvSection } from './CsvSection';
import { GoodNewsView } from './GoodNewsView';
import { MetricsView } from './MetricsView';
import { ReviewView } from './ReviewView';
import { hrefOf, useRoute, type Route } from './route';
import { SettingsView } from './SettingsView';

const NAV: { label: string; route: Route }[] = [
  { label: 'Contacts', route: { view: 'contacts' } },
  { label: 'Good news', route: { view: 'news' } },
  { label: 'Metrics', route: { view: 'metrics' } },
  { label: 'Review', route: { view: 'review' } },
  { label: 'Settings', route: { view: 'settings' } },
  { label: 'Backup', route: { view: 'backup' } },
];

export function Dashboard() {
  const route = useRoute();
  const section = route.view === 'contact' ? 'contacts' : route.view;
  return (
    <div className="li-dashboard">
      <header className="li-header">
        <h1>Last Impression</h1>
        <nav aria-label="Dashboard">
          <ul>
            {NAV.map((item) => (
              <li key={item.label}>
                <a
                  href={hrefOf(item.route)}
                  aria-current={item.route.view === section ? 'page' : undefined}
                >
                  {item.label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main>
        {/* Each view draws inside its own boundary: a broken one leaves the navigation working. */}
        <ErrorBoundary what={`the ${section} view`} resetKey={hrefOf(route)}>
          {route.view === 'contacts' && <ContactsView />}
          {route.view === 'contact' && <ContactPage id={route.id} />}
          {route.view === 'news' && <GoodNewsView />}
          {route.view === 'metrics' && <MetricsView />}
          {route.view === 'review' && <ReviewView />}
          {route.view === 'settings' && <SettingsView />}
          {route.view === 'backup' && (
            <>
              <BackupSection />
              <CsvSection />
            </>
          )}
        </ErrorBoundary>
      </main>
    </div>
  );
}
