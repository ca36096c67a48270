import type { Layout } from '../messages';
import type { PanelPlace } from '../hosts/site';
import type { Owner } from './owner';

/**
 * The panel's frame never sits inside the host's DOM (a host re-rendering a thread would
 * reload it): it lives under <html> and is laid over a slot, an empty block the host's flow
 * makes room for. The slot is as tall as the part shown unasked, so the host's content moves
 * down instead of being covered; only the drawer, opened on request, reaches past it.
 */

const SLOT_ATTRIBUTE = 'data-last-impression-slot';

/** Clip to every scrolling or clipping ancestor, so the frame hides where the slot scrolls away. */
function visibleBox(
  el: Element,
  win: Window,
): { top: number; bottom: number; left: number; right: number } {
  const box = { top: 0, left: 0, bottom: win.innerHeight, right: win.innerWidth };
  for (
    let node = el.parentElement;
    node && node !== el.ownerDocument.documentElement;
    node = node.parentElement
  ) {
    const style = win.getComputedStyle(node);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const r = node.getBoundingClientRect();
    box.top = Math.max(box.top, r.top);
    box.left = Math.max(box.left, r.left);
    box.bottom = Math.min(box.bottom, r.bottom);
    box.right = Math.min(box.right, r.right);
  }
  return box;
}

export interface FrameSlot {
  /** Puts the slot at `place` (or takes it away) and lays the frame over it. */
  place(place: PanelPlace | null): void;
  setLayout(layout: Layout): void;
  /** Lays the frame over the slot again on the next animation frame. */
  reposition(): void;
}

export function createFrameSlot(owner: Owner, doc: Document, iframe: HTMLIFrameElement): FrameSlot {
  const win = doc.defaultView!;
  const slot = doc.createElement('div');
  slot.setAttribute(SLOT_ATTRIBUTE, '');
  slot.setAttribute('aria-hidden', 'true');
  let layout: Layout | null = null;
  let current: PanelPlace | null = null;
  let pending = false;

  const sizeSlot = () => {
    const height = layout && current ? layout.inline : 0;
    slot.style.cssText = `display:block;box-sizing:border-box;width:auto;height:${height}px;margin:0;padding:0;border:0;flex:none;pointer-events:none`;
  };

  const hide = () => {
    iframe.style.cssText =
      'position:fixed;top:0;left:0;width:0;height:0;border:0;visibility:hidden;pointer-events:none';
  };

  const lay = () => {
    pending = false;
    if (!owner.isValid) return;
    if (!layout || !current || !slot.isConnected) return hide();
    const r = slot.getBoundingClientRect();
    const clip = visibleBox(slot, win);
    const height = layout.total;
    const hiddenTop = Math.max(0, clip.top - r.top);
    const hiddenBottom = Math.max(0, r.top + height - Math.max(clip.bottom, r.top + layout.inline));
    const drawerOpen = layout.total > layout.inline;
    if (r.width === 0 || hiddenTop + hiddenBottom >= height || clip.right <= r.left) return hide();
    // A low z-index keeps Gmail's own windows (compose, menus) above the in-flow part, as they
    // are above the content the slot sits in; the open drawer overlays on request.
    iframe.style.cssText = [
      'position:fixed',
      `top:${r.top}px`,
      `left:${r.left}px`,
      `width:${r.width}px`,
      `height:${height}px`,
      'border:0',
      'margin:0',
      'padding:0',
      'display:block',
      'visibility:visible',
      'opacity:1',
      'background:transparent',
      'color-scheme:normal',
      `z-index:${drawerOpen ? 2147483000 : 1}`,
      `clip-path:inset(${hiddenTop}px 0 ${hiddenBottom}px 0)`,
    ].join(';');
  };

  const reposition = () => {
    if (pending) return;
    pending = true;
    owner.requestAnimationFrame(lay);
  };

  const put = (place: PanelPlace) => {
    const { anchor, where } = place;
    if (where === 'before') anchor.before(slot);
    else if (where === 'after') anchor.after(slot);
    else if (where === 'prepend') anchor.prepend(slot);
    else anchor.append(slot);
  };

  const isAt = (place: PanelPlace) => {
    const { anchor, where } = place;
    if (where === 'before') return anchor.previousElementSibling === slot;
    if (where === 'after') return anchor.nextElementSibling === slot;
    if (where === 'prepend') return anchor.firstElementChild === slot;
    return anchor.lastElementChild === slot;
  };

  const resize = new ResizeObserver(reposition);
  owner.addEventListener(doc, 'scroll', reposition, { capture: true, passive: true });
  owner.addEventListener(win, 'resize', reposition);
  owner.onInvalidated(() => {
    resize.disconnect();
    slot.remove();
  });
  sizeSlot();
  hide();

  return {
    place(place) {
      if (!place) {
        current = null;
        slot.remove();
        resize.disconnect();
      } else if (!slot.isConnected || !isAt(place)) {
        current = place;
        put(place);
        resize.disconnect();
        resize.observe(slot);
        if (place.anchor.parentElement) resize.observe(place.anchor.parentElement);
      } else {
        current = place;
      }
      sizeSlot();
      reposition();
    },
    setLayout(next) {
      layout = next;
      sizeSlot();
      reposition();
    },
    reposition,
  };
}
