import { type ReactNode, useEffect, useRef, useState } from "react";
import "./wide-table.css";

interface Props {
  /** What the table is, read out when the box gets focus. */
  label: string;
  className?: string;
  testId?: string;
  children: ReactNode;
}

/**
 * The box a wide table scrolls in (wide-table.css). While the table is wider than the box, the box is a named
 * tab stop: a keyboard user reaches the hidden columns with the arrow keys, as a mouse user with the scrollbar.
 */
export function WideScroll({ label, className, testId, children }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() =>
      setScrolls(element.scrollWidth > element.clientWidth || element.scrollHeight > element.clientHeight),
    );
    observer.observe(element);
    if (element.firstElementChild) observer.observe(element.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div
      ref={box}
      className={className ? `wide-scroll ${className}` : "wide-scroll"}
      data-testid={testId}
      {...(scrolls ? { tabIndex: 0, role: "region", "aria-label": label } : {})}
    >
      {children}
    </div>
  );
}
