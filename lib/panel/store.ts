import { createStore, type StateCreator } from 'zustand/vanilla';
import type { Person, Screen, SiteId } from '../messages';
import type { Channel, Outcome, Touch } from '../model';
import type { Views } from './view';

/** The last touch logged in this panel, removable until `until`, named for whom it was. */
export interface PendingUndo {
  touch: Touch;
  outcome: Outcome;
  /** The contact's name when it was logged: Undo never borrows the name on screen now. */
  name: string;
  /** Identity key of the person it was logged for, to give their note back to the form. */
  key: string;
  note: string;
  goodNews: boolean;
  newsPick: NewsPick | null;
  until: number;
}

/** The rep's answer to "Which news?", for one person: an item's id, or null for none of these. */
export interface NewsPick {
  key: string;
  id: string | null;
}

export interface ScreenSlice {
  site: SiteId | null;
  screen: Screen;
  /** The participant picked in the switcher, or the panel's own first choice. */
  selectedKey: string | null;
  /** The person the panel shows now: a keyboard shortcut logs for them. */
  shown: Person | null;
  /**
   * The stored contacts behind the people on screen, kept live by `followViews`; undefined
   * until the first answer. A key missing means its answer is still on its way.
   */
  views: Views | undefined;
  setScreen: (site: SiteId, screen: Screen) => void;
  select: (key: string) => void;
}

export interface LogSlice {
  channel: Channel | null;
  note: string;
  goodNews: boolean;
  /** Unset (or for someone else): the item the nudge named, else the newest they haven't heard. */
  newsPick: NewsPick | null;
  busy: boolean;
  error: string | null;
  undo: PendingUndo | null;
  setChannel: (channel: Channel) => void;
  setNote: (note: string) => void;
  setGoodNews: (goodNews: boolean) => void;
  setNewsPick: (newsPick: NewsPick | null) => void;
  setBusy: (busy: boolean) => void;
  setError: (error: string | null) => void;
  setUndo: (undo: PendingUndo | null) => void;
}

export interface UiSlice {
  /** Hidden to a one-line tab by the user; remembered across pages. */
  collapsed: boolean;
  /** Details drawer: opened on request, closed by Escape, a click outside, or the button. */
  drawerOpen: boolean;
  /** The goodwill explanation, shown while the figure is hovered or focused. */
  tipOpen: boolean;
  /** The clock the rules use; ticked so "days" roll over at midnight. */
  now: number;
  setCollapsed: (collapsed: boolean) => void;
  setDrawerOpen: (open: boolean) => void;
  setTipOpen: (open: boolean) => void;
  tick: (now: number) => void;
}

export type PanelState = ScreenSlice & LogSlice & UiSlice;
type Slice<T> = StateCreator<PanelState, [], [], T>;

const NO_SCREEN: Screen = { kind: 'none' };

function sameScreen(a: Screen, b: Screen): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/**
 * What a new screen resets: who is chosen, the drawer, the error; the channel when the site
 * changes. Null when nothing changed (the same screen told again).
 */
export function screenChange(
  s: PanelState,
  site: SiteId,
  screen: Screen,
): Partial<PanelState> | null {
  if (s.site === site && sameScreen(s.screen, screen)) return null;
  return {
    site,
    screen,
    selectedKey: null,
    shown: null,
    error: null,
    drawerOpen: false,
    tipOpen: false,
    now: Date.now(),
    ...(s.site !== site ? { channel: null } : {}),
  };
}

const screenSlice: Slice<ScreenSlice> = (set) => ({
  site: null,
  screen: NO_SCREEN,
  selectedKey: null,
  shown: null,
  views: undefined,
  setScreen: (site, screen) => set((s) => screenChange(s, site, screen) ?? s),
  select: (key) => set({ selectedKey: key }),
});

const logSlice: Slice<LogSlice> = (set) => ({
  channel: null,
  note: '',
  goodNews: false,
  newsPick: null,
  busy: false,
  error: null,
  undo: null,
  setChannel: (channel) => set({ channel }),
  setNote: (note) => set({ note }),
  setGoodNews: (goodNews) => set({ goodNews }),
  setNewsPick: (newsPick) => set({ newsPick }),
  setBusy: (busy) => set({ busy }),
  setError: (error) => set({ error }),
  setUndo: (undo) => set({ undo }),
});

const uiSlice: Slice<UiSlice> = (set) => ({
  collapsed: false,
  drawerOpen: false,
  tipOpen: false,
  now: Date.now(),
  setCollapsed: (collapsed) => set({ collapsed, drawerOpen: false, tipOpen: false }),
  setDrawerOpen: (drawerOpen) => set({ drawerOpen }),
  setTipOpen: (tipOpen) => set({ tipOpen }),
  tick: (now) => set({ now }),
});

/** One store per panel frame. */
export function createPanelStore() {
  return createStore<PanelState>()((...a) => ({
    ...screenSlice(...a),
    ...logSlice(...a),
    ...uiSlice(...a),
  }));
}

export type PanelStore = ReturnType<typeof createPanelStore>;

export function peopleOf(screen: Screen): Person[] {
  return screen.kind === 'people' ? screen.people : [];
}
