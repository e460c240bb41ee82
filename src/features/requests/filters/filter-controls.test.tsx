// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { FacetSelect } from './facet-select.tsx';
import { ScoreFilter } from './score-filter.tsx';

beforeAll(() => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  } as unknown as typeof ResizeObserver;
});
afterEach(cleanup);

describe('FacetSelect', () => {
  const values = [
    { value: 'gpt-4o', count: 120 },
    { value: 'gpt-4o-mini', count: 7 },
  ];

  it('lists values with counts and toggles them', () => {
    const onChange = vi.fn();
    render(<FacetSelect label="Model" values={values} selected={['gpt-4o']} onChange={onChange} />);
    fireEvent.click(screen.getByRole('button', { name: /Model/ }));
    const mini = screen.getByRole('checkbox', { name: 'gpt-4o-mini' });
    expect(screen.getByRole('checkbox', { name: 'gpt-4o' })).toBeChecked();
    expect(mini).not.toBeChecked();
    expect(screen.getByText('120')).toBeInTheDocument();
    fireEvent.click(mini);
    expect(onChange).toHaveBeenLastCalledWith(['gpt-4o', 'gpt-4o-mini']);
    fireEvent.click(screen.getByRole('checkbox', { name: 'gpt-4o' }));
    expect(onChange).toHaveBeenLastCalledWith([]);
  });

  it('keeps a selected value that the facets do not list (e.g. from a pasted link)', () => {
    render(<FacetSelect label="Model" values={values} selected={['retired-model']} onChange={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: /Model/ }));
    expect(screen.getByRole('checkbox', { name: 'retired-model' })).toBeChecked();
  });
});

describe('ScoreFilter', () => {
  function open(onAdd = vi.fn()) {
    render(<ScoreFilter names={[{ value: 'default', count: 3 }]} active={[]} onAdd={onAdd} />);
    fireEvent.click(screen.getByRole('button', { name: /Score/ }));
    return onAdd;
  }

  it('refuses bounds outside 0–100, non-integers and min above max', () => {
    const onAdd = open();
    const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Add score filter' }));
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '101' } });
    submit();
    expect(screen.getByRole('alert')).toHaveTextContent('Scores are whole numbers from 0 to 100.');
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '85.5' } });
    submit();
    expect(screen.getByRole('alert')).toHaveTextContent('whole numbers');
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '80' } });
    fireEvent.change(screen.getByLabelText('Maximum score'), { target: { value: '20' } });
    submit();
    expect(screen.getByRole('alert')).toHaveTextContent('The minimum is above the maximum.');
    expect(onAdd).not.toHaveBeenCalled();
  });

  it('adds a condition with the bounds given', () => {
    const onAdd = open();
    fireEvent.change(screen.getByLabelText('Filter score name'), { target: { value: 'helpful' } });
    fireEvent.change(screen.getByLabelText('Minimum score'), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add score filter' }));
    expect(onAdd).toHaveBeenCalledWith({ name: 'helpful', min: 30 });
  });
});
