/** Width of the docked panel, in CSS pixels; the stylesheet uses the same number. */
export const PANEL_WIDTH = 300;

/**
 * How far up from the viewport's bottom the host's own docked windows (Gmail's compose, LinkedIn's
 * chat) reach within the panel's column, so the panel can stop above them instead of covering them.
 */
export function bottomInset(doc: Document, selector: string, rightInset: number): number {
  const win = doc.defaultView;
  if (!win || !selector) return 0;
  const columnLeft = win.innerWidth - rightInset - PANEL_WIDTH;
  let inset = 0;
  for (const el of doc.querySelectorAll(selector)) {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || box.right <= columnLeft) continue;
    inset = Math.max(inset, Math.round(win.innerHeight - box.top));
  }
  return Math.max(0, inset);
}
