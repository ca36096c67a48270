import { createStore, type StateCreator } from 'zustand/vanilla';
import type { ContactView } from '@/lib/messaging';
import type { Channel } from '@/lib/model';
import { NO_SCREEN, screenKey, type Person, type Screen } from './screen';

export interface ScreenSlice {
  screen: Screen;
  /** The participant picked in the switcher; the page's first person when unset or gone. */
  selectedKey: string | null;
  setScreen: (screen: Screen) => void;
  select: (key: string) => void;
}

export interface ViewsSlice {
  /** Keyed by identity key: undefined while loading, null when nobody is stored under it. */
  views: Record<string, ContactView | null>;
  setViews: (views: Record<string, ContactView | null>) => void;
  setView: (key: string, view: ContactView | null) => void;
}

export interface LogSlice {
  channel: Channel;
  note: string;
  goodNews: boolean;
  busy: boolean;
  error: string | null;
  /** The last touch logged here, removable until `until`. */
  undo: { touchId: string; key: string; until: number } | null;
  setChannel: (channel: Channel) => void;
  setNote: (note: string) => void;
  setGoodNews: (goodNews: boolean) => void;
  setBusy: (busy: boolean) => void;
  setError: (error: string | null) => void;
  setUndo: (undo: LogSlice['undo']) => void;
}

export interface UiSlice {
  collapsed: boolean;
  /** The clock the rules use; ticked by the content script so "days" roll over at midnight. */
  now: number;
  /** Space at the bottom right taken by host windows (compose, chat), in pixels. */
  bottomInset: number;
  setCollapsed: (collapsed: boolean) => void;
  tick: (now: number) => void;
  setBottomInset: (px: number) => void;
}

export type PanelState = ScreenSlice & ViewsSlice & LogSlice & UiSlice;
type Slice<T> = StateCreator<PanelState, [], [], T>;

const screenSlice: Slice<ScreenSlice> = (set) => ({
  screen: NO_SCREEN,
  selectedKey: null,
  setScreen: (screen) =>
    set((s) =>
      screenKey(s.screen) === screenKey(screen)
        ? s
        : { screen, selectedKey: null, error: null, now: Date.now() },
    ),
  select: (key) => set({ selectedKey: key }),
});

const viewsSlice: Slice<ViewsSlice> = (set) => ({
  views: {},
  setViews: (views) => set((s) => ({ views: { ...s.views, ...views }, now: Date.now() })),
  setView: (key, view) => set((s) => ({ views: { ...s.views, [key]: view }, now: Date.now() })),
});

const logSlice =
  (channel: Channel): Slice<LogSlice> =>
  (set) => ({
    channel,
    note: '',
    goodNews: false,
    busy: false,
    error: null,
    undo: null,
    setChannel: (next) => set({ channel: next }),
    setNote: (note) => set({ note }),
    setGoodNews: (goodNews) => set({ goodNews }),
    setBusy: (busy) => set({ busy }),
    setError: (error) => set({ error }),
    setUndo: (undo) => set({ undo }),
  });

const uiSlice: Slice<UiSlice> = (set) => ({
  collapsed: false,
  now: Date.now(),
  bottomInset: 0,
  setCollapsed: (collapsed) => set({ collapsed }),
  tick: (now) => set({ now }),
  setBottomInset: (px) => set((s) => (s.bottomInset === px ? s : { bottomInset: px })),
});

/** One store per mounted panel, so two content scripts (or tests) never share state. */
export function createPanelStore(defaultChannel: Channel) {
  return createStore<PanelState>()((...a) => ({
    ...screenSlice(...a),
    ...viewsSlice(...a),
    ...logSlice(defaultChannel)(...a),
    ...uiSlice(...a),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;

export function currentPerson(state: Pick<PanelState, 'screen' | 'selectedKey'>): Person | null {
  if (state.screen.kind !== 'people') return null;
  const { people } = state.screen;
  return people.find((p) => p.key === state.selectedKey) ?? people[0] ?? null;
}
