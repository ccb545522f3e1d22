/**
 * A windowed list: only the items in (or near) the visible part of a scroll box are in the DOM, so
 * tens of thousands of findings scroll as smoothly as ten. Items may differ in height: each is
 * estimated until it has been rendered once, then measured (and re-measured when the width changes).
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type HTMLAttributes, type ReactNode, type Ref } from "react";

export interface WindowedProps<T> extends Omit<HTMLAttributes<HTMLDivElement>, "children"> {
  items: T[];
  itemKey: (item: T) => string;
  /** A first guess of an item's height in px, before it is measured. */
  estimate: (item: T) => number;
  render: (item: T, index: number) => ReactNode;
  /** CSS max-height of the scroll box (e.g. "70vh"); the box is as tall as its items below it. */
  maxHeight: string;
  /** Key of an item to bring into view (the active one). */
  revealKey?: string | null;
  boxRef?: Ref<HTMLDivElement>;
}

const OVERSCAN_PX = 400;

/** Index of the last offset ≤ y (offsets ascending, offsets[0] = 0). */
function indexAt(offsets: Float64Array, count: number, y: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (offsets[mid] <= y) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function Windowed<T>(props: WindowedProps<T>) {
  const { items, itemKey, estimate, render, maxHeight, revealKey, boxRef, style, ...rest } = props;
  const box = useRef<HTMLDivElement | null>(null);
  const heights = useRef(new Map<string, number>());
  const rendered = useRef(new Map<string, HTMLDivElement>());
  const [measured, setMeasured] = useState(0);
  const [scrollTop, setScrollTop] = useState(0);
  const [viewport, setViewport] = useState(600);
  const [width, setWidth] = useState(0);

  const offsets = useMemo(() => {
    const o = new Float64Array(items.length + 1);
    for (let i = 0; i < items.length; i++) o[i + 1] = o[i] + (heights.current.get(itemKey(items[i])) ?? estimate(items[i]));
    return o;
    // `measured` counts the measurements that changed a height.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, measured, width]);
  const total = offsets[items.length];

  const first = items.length === 0 ? 0 : indexAt(offsets, items.length, Math.max(0, scrollTop - OVERSCAN_PX));
  let last = first;
  while (last < items.length && offsets[last] < scrollTop + viewport + OVERSCAN_PX) last++;

  // Measure what was rendered; a changed height re-lays the window once more.
  useLayoutEffect(() => {
    let changed = false;
    for (const [key, el] of rendered.current) {
      const h = el.offsetHeight;
      if (h > 0 && heights.current.get(key) !== h) {
        heights.current.set(key, h);
        changed = true;
      }
    }
    if (changed) setMeasured((m) => m + 1);
    // A shorter list moves the box's scroll position without always firing a scroll event.
    if (box.current && box.current.scrollTop !== scrollTop) setScrollTop(box.current.scrollTop);
  });

  // The box's size: its height bounds the window; a new width changes every item's height.
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const read = () => {
      setViewport(el.clientHeight || 600);
      setWidth((w) => {
        if (w !== el.clientWidth) heights.current.clear();
        return el.clientWidth;
      });
    };
    read();
    const ro = new ResizeObserver(read);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // Bring the active item into view (it is then rendered, so aria-activedescendant finds it).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || !revealKey) return;
    const i = items.findIndex((it) => itemKey(it) === revealKey);
    if (i < 0) return;
    const top = offsets[i];
    const bottom = offsets[i + 1];
    if (top < el.scrollTop) el.scrollTop = top;
    else if (bottom > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(top, bottom - el.clientHeight);
    setScrollTop(el.scrollTop);
    // Only when the active item changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealKey]);

  const setBox = useCallback(
    (el: HTMLDivElement | null) => {
      box.current = el;
      if (typeof boxRef === "function") boxRef(el);
      else if (boxRef) (boxRef as { current: HTMLDivElement | null }).current = el;
    },
    [boxRef],
  );

  const slots: ReactNode[] = [];
  rendered.current.clear();
  for (let i = first; i < last; i++) {
    const item = items[i];
    const key = itemKey(item);
    slots.push(
      <div
        key={key}
        role="none"
        ref={(el) => {
          if (el) rendered.current.set(key, el);
        }}
        style={{ position: "absolute", top: offsets[i], left: 0, right: 0 }}
      >
        {render(item, i)}
      </div>,
    );
  }

  return (
    <div
      {...rest}
      ref={setBox}
      style={{ ...style, position: "relative", overflowY: "auto", overflowX: "hidden", height: `${total}px`, maxHeight }}
      onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}
    >
      <div role="none" style={{ position: "relative", height: `${total}px` }}>
        {slots}
      </div>
    </div>
  );
}
