import { StrictMode, useMemo } from 'react';
import type { PanelActions } from '@/lib/panel/actions';
import type { SiteConfig } from '@/lib/panel/screen';
import type { PanelStore } from '@/lib/panel/store';
import { Panel } from './Panel';
import { PanelContext } from './panel-context';
import './panel.css';

export function PanelApp(props: { store: PanelStore; actions: PanelActions; site: SiteConfig }) {
  const { store, actions, site } = props;
  const value = useMemo(() => ({ store, actions, site }), [store, actions, site]);
  return (
    <StrictMode>
      <PanelContext.Provider value={value}>
        <Panel />
      </PanelContext.Provider>
    </StrictMode>
  );
}
