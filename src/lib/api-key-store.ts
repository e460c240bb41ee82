/**
 * The API key the dashboard signs in with. Lives in localStorage; components read it with
 * useApiKey() (useSyncExternalStore), so signing in or out re-renders the sign-in gate.
 */
import { useSyncExternalStore } from 'react';

const STORAGE_KEY = 'promptlog.apiKey';

export interface AuthState {
  apiKey: string | null;
  /** Why the user is looking at the sign-in form, e.g. after a 401. */
  message: string | null;
  /** Bumped by every sign-in and sign-out (key or session): the "who am I" query's key. */
  epoch: number;
}

let state: AuthState = { apiKey: readStoredKey(), message: null, epoch: 0 };
const listeners = new Set<() => void>();

function readStoredKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

function emit(next: AuthState): void {
  state = next;
  for (const listener of listeners) listener();
}

export function getApiKey(): string | null {
  return state.apiKey;
}

export function signIn(apiKey: string): void {
  const key = apiKey.trim();
  if (!key) return;
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Private mode without storage: the key still works for this tab.
  }
  emit({ apiKey: key, message: null, epoch: state.epoch + 1 });
}

export function signOut(message: string | null = null): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
  emit({ apiKey: null, message, epoch: state.epoch + 1 });
}

/** A session cookie was set or cleared by the server: ask again who we are. */
export function sessionChanged(message: string | null = null): void {
  emit({ ...state, message, epoch: state.epoch + 1 });
}

/**
 * Reads `#key=<key>` from the sign-in URL the server prints, stores it, and strips it from the
 * address bar (replaceState, so it never lands in history). Returns true when a key was found.
 */
export function consumeKeyFromFragment(location: Location = window.location): boolean {
  const fragment = new URLSearchParams(location.hash.replace(/^#/, ''));
  const key = fragment.get('key');
  if (!key) return false;
  fragment.delete('key');
  const rest = fragment.toString();
  window.history.replaceState(
    window.history.state,
    '',
    `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`,
  );
  signIn(key);
  return true;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useAuth(): AuthState {
  return useSyncExternalStore(subscribe, () => state);
}
