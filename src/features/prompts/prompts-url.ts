/**
 * The Prompts page's view state lives in the URL like the rest of the dashboard:
 *   /prompts                         the list (?q= filters by name)
 *   /prompts?name=<template>         its versions (&compare=<a>,<b> diffs two, &new=1 opens the form)
 */
import { useSyncExternalStore } from 'react';
import { goTo, subscribeToNavigation } from '../../lib/navigation.ts';

const currentUrl = () => `${window.location.pathname}${window.location.search}`;

/** The path and query, re-rendering on every navigation. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribeToNavigation, currentUrl);
  return new URL(href, window.location.origin);
}

export function navigate(to: string, { replace = false }: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  goTo(to, replace);
}

export function promptsHref(params: Record<string, string | undefined> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const query = search.toString();
  return query ? `/prompts?${query}` : '/prompts';
}

/** A plain link that navigates in place (and still opens in a new tab with a modifier). */
export function onLinkClick(event: React.MouseEvent<HTMLAnchorElement>): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(event.currentTarget.getAttribute('href') ?? '/');
}
