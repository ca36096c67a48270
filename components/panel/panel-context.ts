import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PanelActions } from '@/lib/panel/actions';
import type { SiteConfig } from '@/lib/panel/screen';
import type { PanelState, PanelStore } from '@/lib/panel/store';

export interface PanelContextValue {
  store: PanelStore;
  actions: PanelActions;
  site: SiteConfig;
}

export const PanelContext = createContext<PanelContextValue | null>(null);

export function usePanel(): PanelContextValue {
  const value = useContext(PanelContext);
  if (!value) throw new Error('Panel components need a PanelContext');
  return value;
}

export function usePanelState<T>(select: (state: PanelState) => T): T {
  return useStore(usePanel().store, select);
}
