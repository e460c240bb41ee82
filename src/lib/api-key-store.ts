/**
 * The API key the dashboard signs in with. Lives in localStorage; components read it with
 * useAuth(), so signing in or out re-renders the sign-in gate.
 */
import { createStore, useStore } from './create-store.ts';
import { takeFromFragment } from './url-fragment.ts';

const STORAGE_KEY = 'promptlog.apiKey';

export interface AuthState {
  apiKey: string | null;
  /** Why the user is looking at the sign-in form, e.g. after a 401. */
  message: string | null;
  /** Bumped by every sign-in and sign-out (key or session): the "who am I" query's key. */
  epoch: number;
}

function readStoredKey(): string | null {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null;
  }
}

const auth = createStore<AuthState>({ apiKey: readStoredKey(), message: null, epoch: 0 });

export function getApiKey(): string | null {
  return auth.get().apiKey;
}

export function signIn(apiKey: string): void {
  const key = apiKey.trim();
  if (!key) return;
  try {
    localStorage.setItem(STORAGE_KEY, key);
  } catch {
    // Private mode without storage: the key still works for this tab.
  }
  auth.set({ apiKey: key, message: null, epoch: auth.get().epoch + 1 });
}

export function signOut(message: string | null = null): void {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // ignore
  }
  auth.set({ apiKey: null, message, epoch: auth.get().epoch + 1 });
}

/** A session cookie was set or cleared by the server: ask again who we are. */
export function sessionChanged(message: string | null = null): void {
  auth.set({ ...auth.get(), message, epoch: auth.get().epoch + 1 });
}

/**
 * Reads `#key=<key>` from the sign-in URL the server prints, stores it, and strips it from the
 * address bar (replaceState, so it never lands in history). Returns true when a key was found.
 */
export function consumeKeyFromFragment(location: Location = window.location): boolean {
  const key = takeFromFragment('key', location);
  if (!key) return false;
  signIn(key);
  return true;
}

export function useAuth(): AuthState {
  return useStore(auth);
}
