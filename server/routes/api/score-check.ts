/**
 * A score written from the dashboard must fit its name's definition: a value outside the labels,
 * out of range or off-step is a 422 naming `value`; a name whose definition was archived (and not
 * replaced) is a 409. Names that never had a definition stay free-form (0–100).
 */
import { scoreValueProblem } from '../../../contract/score-definitions.ts';
import { fieldError, HttpError } from '../../http/errors.ts';
import type { Store } from '../../store/store.ts';

export async function checkScore(store: Store, name: string, value: number): Promise<void> {
  const definition = await store.review.scoreDefinitionNamed(name);
  if (!definition) return;
  if (definition.archivedAt !== null) {
    const msg = `the definition of "${name}" is archived: scores under it are closed`;
    throw new HttpError(409, 'definition_archived', `name: ${msg}`, [
      { loc: ['path', 'name'], msg, type: 'definition_archived' },
    ]);
  }
  const problem = scoreValueProblem(definition, value);
  if (problem) throw fieldError(422, 'score_out_of_definition', ['body', 'value'], problem, 'invalid_score');
}
