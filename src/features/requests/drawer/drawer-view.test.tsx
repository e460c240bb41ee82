// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { createRef } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { RequestDetail } from '../../../../contract/api.ts';
import { makeRequestDetail as detail } from '../../../../server/testing/factories.ts';
import { formatDateTime } from '../../../lib/format.ts';
import type { Annotate } from '../api/annotation-change.ts';
import { DrawerView } from './drawer-view.tsx';

afterEach(cleanup);

function setup(d: RequestDetail = detail(), accept = true) {
  const onChange = vi.fn<Annotate>(async () => accept);
  const keyRef = createRef<HTMLInputElement>();
  const utils = render(<DrawerView detail={d} onChange={onChange} metadataKeyRef={keyRef} />);
  return { onChange, keyRef, ...utils };
}

describe('DrawerView', () => {
  it('shows the summary', () => {
    setup();
    const summary = screen.getByRole('region', { name: 'Summary' });
    for (const text of [
      'openai',
      'gpt-4o',
      'openai.chat.completions.create',
      'chat-completions',
      '1.23 s',
      '87 in · 18 out · 105 total',
      '$0.0004',
      'weather-assistant',
      'v3',
      'city',
      'Paris',
    ])
      expect(summary).toHaveTextContent(text);
    expect(screen.getByText('Success')).toBeInTheDocument();
    // The reader's locale on screen, UTC on hover.
    const time = screen.getByText(formatDateTime('2025-03-15T10:30:00.000Z'));
    expect(time).toHaveAttribute('title', '2025-03-15 10:30:00 UTC');
    expect(screen.queryByRole('region', { name: 'Error' })).toBeNull();
  });

  it('shows missing usage and cost as the empty mark, not 0', () => {
    setup(detail({ inputTokens: 0, outputTokens: 0, totalTokens: 0, cost: 0 }));
    const summary = screen.getByRole('region', { name: 'Summary' });
    const value = (label: string) => within(summary).getByText(label).nextElementSibling;
    expect(value('Tokens')).toHaveTextContent(/^—$/);
    expect(value('Cost')).toHaveTextContent(/^—$/);
  });

  it("quick score buttons use the digit keys' scale", () => {
    setup();
    const quick = screen.getByRole('group', { name: /Quick score default/ });
    expect(
      within(quick)
        .getAllByRole('button')
        .map((b) => b.textContent),
    ).toEqual(['0', '20', '40', '60', '80', '100']);
  });

  it('shows the error prominently for ERROR and WARNING', () => {
    setup(
      detail({
        status: 'ERROR',
        errorType: 'PROVIDER_TIMEOUT',
        errorMessage: 'Request timed out after 30 seconds',
      }),
    );
    const error = screen.getByRole('region', { name: 'Error' });
    expect(error).toHaveTextContent('PROVIDER_TIMEOUT');
    expect(error).toHaveTextContent('Request timed out after 30 seconds');
    cleanup();
    setup(detail({ status: 'WARNING', errorType: 'PROVIDER_PARTIAL_RESPONSE', errorMessage: null }));
    expect(screen.getByRole('region', { name: 'Warning' })).toHaveTextContent('PROVIDER_PARTIAL_RESPONSE');
  });

  it('refuses out-of-range and non-integer scores in the form, sends valid ones', () => {
    const { onChange } = setup();
    const value = screen.getByLabelText('Score value');
    for (const bad of ['101', '-1', '85.5', 'abc']) {
      fireEvent.change(value, { target: { value: bad } });
      fireEvent.click(screen.getByRole('button', { name: 'Save score' }));
      expect(screen.getByRole('alert')).toHaveTextContent('A score is a whole number from 0 to 100.');
      expect(value).toHaveAttribute('aria-invalid', 'true');
    }
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Score name')).toHaveValue('default');
    fireEvent.change(screen.getByLabelText('Score name'), { target: { value: 'quality' } });
    fireEvent.change(value, { target: { value: '75' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save score' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'set-score', name: 'quality', value: 75 });
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Set score quality to 20' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'set-score', name: 'quality', value: 20 });
    fireEvent.click(screen.getByRole('button', { name: 'Remove score default' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'delete-score', name: 'default' });
  });

  it('adds, edits in place and removes metadata', () => {
    const { onChange, keyRef } = setup();
    expect(keyRef.current).toBe(screen.getByLabelText('Metadata key'));
    const table = screen.getByRole('table', { name: 'Metadata' });
    expect(within(table).getByRole('rowheader', { name: 'user_id' })).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Enter a metadata key.');
    fireEvent.change(screen.getByLabelText('Metadata key'), { target: { value: ' env ' } });
    fireEvent.change(screen.getByLabelText('Metadata value'), { target: { value: 'prod' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'set-metadata', key: 'env', value: 'prod' });

    fireEvent.click(screen.getByRole('button', { name: 'Edit metadata user_id' }));
    const edit = screen.getByLabelText('Value of user_id');
    expect(edit).toHaveFocus();
    fireEvent.change(edit, { target: { value: 'user_999' } });
    fireEvent.submit(edit);
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'set-metadata', key: 'user_id', value: 'user_999' });

    fireEvent.click(screen.getByRole('button', { name: 'Edit metadata session_id' }));
    fireEvent.keyDown(screen.getByLabelText('Value of session_id'), { key: 'Escape' });
    expect(screen.queryByLabelText('Value of session_id')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Remove metadata session_id' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'delete-metadata', key: 'session_id' });
  });

  it('gives the typing back when the server refuses', async () => {
    setup(detail(), false);
    fireEvent.change(screen.getByLabelText('Metadata key'), { target: { value: 'blob' } });
    fireEvent.change(screen.getByLabelText('Metadata value'), { target: { value: 'too big' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save metadata' }));
    await waitFor(() => expect(screen.getByLabelText('Metadata key')).toHaveValue('blob'));
    expect(screen.getByLabelText('Metadata value')).toHaveValue('too big');

    fireEvent.click(screen.getByRole('button', { name: 'Edit metadata user_id' }));
    fireEvent.change(screen.getByLabelText('Value of user_id'), { target: { value: 'refused' } });
    fireEvent.submit(screen.getByLabelText('Value of user_id'));
    await waitFor(() => expect(screen.getByLabelText('Value of user_id')).toHaveValue('refused'));

    fireEvent.change(screen.getByLabelText('New tag'), { target: { value: 'nope' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(screen.getByLabelText('New tag')).toHaveValue('nope'));

    fireEvent.change(screen.getByLabelText('Score value'), { target: { value: '70' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save score' }));
    await waitFor(() => expect(screen.getByLabelText('Score value')).toHaveValue('70'));
  });

  it('adds and removes tags', () => {
    const { onChange } = setup();
    fireEvent.change(screen.getByLabelText('New tag'), { target: { value: 'reviewed' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'add-tag', tag: 'reviewed' });
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag weather-bot' }));
    expect(onChange).toHaveBeenLastCalledWith({ kind: 'remove-tag', tag: 'weather-bot' });
  });

  it('builds the raw JSON only when asked', () => {
    const { container } = setup();
    expect(container.textContent).not.toContain('"toolNames"');
    fireEvent.click(screen.getByRole('button', { name: 'Show raw JSON' }));
    expect(container.textContent).toContain('"toolNames": [');
    expect(screen.getByRole('button', { name: 'Hide raw JSON' })).toHaveAttribute('aria-expanded', 'true');
  });

  it('keeps user text inert everywhere', () => {
    const xss = '<img src=x onerror=alert(1)>';
    const { container } = setup(
      detail({ tags: [xss], metadata: { [xss]: xss }, promptName: xss, errorMessage: xss, status: 'ERROR' }),
    );
    expect(container.querySelector('img')).toBeNull();
    expect(screen.getByRole('button', { name: `Remove tag ${xss}` })).toBeInTheDocument();
  });
});
