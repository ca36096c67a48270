import { createRoot } from 'react-dom/client';
import { ErrorBoundary } from '@/components/ErrorBoundary';
import { PanelFrame } from '@/components/panel/PanelFrame';
import { startPanelFrame } from '@/lib/panel/frame';
import '@/components/panel/panel.css';

// The frame's port, clock and listeners live as long as this page. A page put in the
// back/forward cache comes back (`persisted`) and keeps them; its port reconnects by itself.
const lifetime = new AbortController();
window.addEventListener('pagehide', (event) => {
  if (!event.persisted) lifetime.abort();
});

const parts = startPanelFrame(lifetime.signal);
createRoot(document.getElementById('root')!).render(
  <ErrorBoundary what="the panel">
    <PanelFrame {...parts} />
  </ErrorBoundary>,
);
