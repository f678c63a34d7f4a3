// The width a chart may take: its container's, followed as the window changes (the charts draw SVG of a given width).
// A callback ref: the container may appear after the page has mounted (once its data has loaded).
import { useLayoutEffect, useState } from 'react';

export const useWidth = (): [(element: HTMLDivElement | null) => void, number] => {
  const [element, setElement] = useState<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(600);
  useLayoutEffect(() => {
    if (element === null) return;
    const observer = new ResizeObserver(() => setWidth(Math.max(280, Math.floor(element.clientWidth))));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return [setElement, width];
};
