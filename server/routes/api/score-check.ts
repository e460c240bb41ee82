/**
 * A score (dashboard, bulk or the PromptLayer track-score routes) must fit its name's definition:
 * a value outside the labels, out of range or off-step is a 422 naming the value's field; a name
 * whose definition was archived (and not replaced) is a 409. Names that never had a definition
 * stay free-form (0–100).
 */
import { scoreValueProblem } from '../../../contract/score-definitions.ts';
import { type ErrorLoc, fieldError, HttpError } from '../../http/errors.ts';
import type { Store } from '../../store/store.ts';

/** Where the name and the value came from, for the error's `loc`. */
export interface ScoreFields {
  name: ErrorLoc;
  value: ErrorLoc;
}
const DASHBOARD: ScoreFields = { name: ['path', 'name'], value: ['body', 'value'] };

export async function checkScore(
  store: Store,
  name: string,
  value: number,
  fields: ScoreFields = DASHBOARD,
): Promise<void> {
  const definition = await store.review.scoreDefinitionNamed(name);
  if (!definition) return;
  if (definition.archivedAt !== null) {
    const msg = `the definition of "${name}" is archived: scores under it are closed`;
    throw new HttpError(409, 'definition_archived', `${fields.name.slice(1).join('.')}: ${msg}`, [
      { loc: fields.name, msg, type: 'definition_archived' },
    ]);
  }
  const problem = scoreValueProblem(definition, value);
  if (problem) throw fieldError(422, 'score_out_of_definition', fields.value, problem, 'invalid_score');
}
