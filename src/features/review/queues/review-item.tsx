/**
 * One queue item on the reviewer's screen: the compact form above the drawer's full view of the
 * request. Keys act only once this request is displayed and nothing is in flight; a held key
 * (auto-repeat) never submits twice.
 */
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { Queue } from '../../../../contract/review-queues.ts';
import { hasCommandModifier, isTypingTarget } from '../../../lib/keyboard.ts';
import { useAnnotate } from '../../requests/api/annotate.ts';
import type { Annotate } from '../../requests/api/annotation-change.ts';
import { requestQueries } from '../../requests/api/request-queries.ts';
import { DrawerLoader } from '../../requests/drawer/drawer-loader.tsx';
import { ReviewForm } from './review-form.tsx';
import { keyValue, missing, nextActive, parseTyped, type ReviewValues } from './review-form-model.ts';

interface ReviewItemProps {
  queue: Queue;
  requestId: number;
  /** A submit, skip, undo or the next item is in flight. */
  busy: boolean;
  onSubmit: (values: Record<string, number>, comment: string) => void;
  onSkip: () => void;
  onUndo: () => void;
}

export function ReviewItem({ queue, requestId, busy, onSubmit, onSkip, onUndo }: ReviewItemProps) {
  const definitions = queue.definitions;
  const [values, setValues] = useState<ReviewValues>({});
  const [typed, setTyped] = useState<Record<string, string>>({});
  const [active, setActive] = useState(0);
  const [comment, setComment] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const numberRef = useRef<HTMLInputElement>(null);
  const metadataKeyRef = useRef<HTMLInputElement>(null);
  const shown = useQuery(requestQueries.detail(requestId)).data !== undefined;
  const ready = shown && !busy;

  const { mutateAsync } = useAnnotate();
  const onChange = useCallback<Annotate>(
    (change) =>
      mutateAsync({ id: requestId, change }).then(
        () => true,
        () => false,
      ),
    [mutateAsync, requestId],
  );

  const pick = (name: string, value: number) => {
    const next = { ...values, [name]: value };
    setValues(next);
    setProblem(null);
    const index = definitions.findIndex((d) => d.name === name);
    setActive(nextActive(definitions, next, index));
    return next;
  };

  const complete = (current: ReviewValues) => {
    const left = missing(definitions, current);
    const first = left[0];
    if (first) {
      setProblem(`Still to fill: ${left.map((d) => d.name).join(', ')}`);
      setActive(definitions.indexOf(first));
      return;
    }
    onSubmit({ ...current }, comment);
  };

  const takeNumber = (definition: Queue['definitions'][number]) => {
    const text = typed[definition.name];
    if (text === undefined || text.trim() === '') return complete(values);
    const parsed = parseTyped(definition, text);
    if (!parsed.ok) return setProblem(parsed.message);
    const next = pick(definition.name, parsed.value);
    if (missing(definitions, next).length === 0) complete(next);
    else numberRef.current?.blur();
  };

  const onKeyDown = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || hasCommandModifier(event) || isTypingTarget(event.target)) return;
    const handled =
      event.key === 'Enter' || event.key === 's' || event.key === 'u' || /^[0-9]$/.test(event.key);
    if (!handled) return;
    event.preventDefault();
    // A held key repeats: it never acts twice, and nothing acts before the request is on screen.
    if (event.repeat || !ready) return;
    if (event.key === 'Enter') return complete(values);
    if (event.key === 's') return onSkip();
    if (event.key === 'u') return onUndo();
    const definition = definitions[active];
    if (!definition) return;
    const value = keyValue(definition, event.key);
    if (value !== null) pick(definition.name, value);
  });

  useEffect(() => {
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  // A number field takes typed digits: give it the focus when it is the active one.
  const activeIsNumber = definitions[active]?.kind === 'numeric';
  useEffect(() => {
    if (activeIsNumber && ready) numberRef.current?.focus();
  }, [activeIsNumber, ready]);

  return (
    <div className="queue-item" data-request-id={requestId} data-ready={ready || undefined}>
      <div className="queue-form-bar">
        <ReviewForm
          definitions={definitions}
          values={values}
          active={active}
          typed={typed}
          comment={comment}
          disabled={!ready}
          numberRef={numberRef}
          onActivate={setActive}
          onPick={pick}
          onType={(name, text) => setTyped({ ...typed, [name]: text })}
          onNumberEnter={takeNumber}
          onComment={setComment}
          onCommentEnter={() => complete(values)}
        />
        {problem ? (
          <p role="alert" className="settings-error">
            {problem}
          </p>
        ) : null}
      </div>
      <div className="queue-request drawer-scroll">
        <DrawerLoader
          id={requestId}
          onChange={onChange}
          metadataKeyRef={metadataKeyRef}
          scoresWithheld={queue.blind}
        />
      </div>
    </div>
  );
}
