// An <a> that navigates within the app without a page load, and behaves like a normal link for
// middle-click, Ctrl/Cmd-click and "open in new tab".
import type { AnchorHTMLAttributes, MouseEvent } from 'react';
import { navigate } from './navigation.js';
import { routePath, type Route } from './router.js';

type Props = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: Exclude<Route, { name: 'notFound' }> };

export function Link({ to, onClick, ...rest }: Props) {
  const handleClick = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <a href={routePath(to)} onClick={handleClick} {...rest} />;
}
