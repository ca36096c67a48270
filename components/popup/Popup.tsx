import { browser } from 'wxt/browser';

export function Popup() {
  const openDashboard = () => {
    void browser.tabs.create({ url: browser.runtime.getURL('/dashboard.html') });
    window.close();
  };
  return (
    <main className="li-popup">
      <h1>Last Impression</h1>
      <button type="button" onClick={openDashboard}>
        Open dashboard
      </button>
    </main>
  );
}
