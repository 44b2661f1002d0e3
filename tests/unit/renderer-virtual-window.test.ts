import { describe, expect, it } from 'vitest';
import { visibleWindow } from '../../renderer/src/pages/clients/virtual-window.js';

describe('visibleWindow', () => {
  it('renders the rows in view plus the overscan on each side', () => {
    // 37 px rows, a 370 px viewport scrolled to row 100: rows 100–110 are in view (11 with the partial one).
    expect(visibleWindow(3700, 370, 37, 10_000, 10)).toEqual({ start: 90, end: 121 });
  });

  it('clamps at the top and at the end of the loaded rows', () => {
    expect(visibleWindow(0, 370, 37, 10_000, 10)).toEqual({ start: 0, end: 21 });
    expect(visibleWindow(37 * 995, 370, 37, 1_000, 10)).toEqual({ start: 985, end: 1_000 });
    expect(visibleWindow(0, 370, 37, 0, 10)).toEqual({ start: 0, end: 0 });
  });

  it('keeps a window of the same size however far the list is scrolled, so the DOM never grows with the data', () => {
    const sizes = [0, 1e4, 1e6, 3.6e7].map((top) => {
      const w = visibleWindow(top, 740, 37, 1_000_000, 10);
      return w.end - w.start;
    });
    expect(new Set(sizes.slice(1))).toEqual(new Set([41]));
  });
});
