import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { HostDefinition } from '@/lib/hosts/site';
import type { Person } from '@/lib/messages';
import type { PanelActions } from '@/lib/panel/actions';
import type { PanelState, PanelStore } from '@/lib/panel/store';
import type { ContactView, Views } from '@/lib/panel/view';

export interface PanelContextValue {
  store: PanelStore;
  actions: PanelActions;
  host: HostDefinition;
  /** The person shown, and their stored view: undefined while loading, null when not stored. */
  person: Person | null;
  view: ContactView | null | undefined;
  views: Views | undefined;
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
