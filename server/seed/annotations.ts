/** Tags, metadata, scores and statuses for sample requests. */
import { mixSeed, type Random } from './random.ts';

const TAG_POOL: readonly (readonly [string, number])[] = [
  ['beta', 4],
  ['eval', 3],
  ['batch', 3],
  ['canary', 2],
  ['experiment-42', 2],
  ['regression', 1],
  ['customer-facing', 4],
  ['internal', 3],
  ['cache-miss', 2],
  ['retry', 1],
];

const SCENARIO_TAGS: Record<string, string> = {
  'weather-assistant': 'weather-bot',
  'support-triage': 'support',
  'research-agent': 'agent',
  'image-caption': 'vision',
  'extract-invoice': 'finance',
};

const ENVS: readonly (readonly [string, number])[] = [
  ['production', 70],
  ['staging', 20],
  ['dev', 10],
];

export const METADATA_REGIONS = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2'];
export const USER_COUNT = 5000;

/** Tags: the env tag, a scenario tag, maybe a couple from the pool, plus the caller's extra tags. */
export function tagsFor(
  random: Random,
  env: string,
  promptName: string | null,
  extra: readonly string[],
): string[] {
  const tags = new Set<string>();
  if (random.chance(0.8)) tags.add(env);
  const scenarioTag = promptName ? SCENARIO_TAGS[promptName] : undefined;
  if (scenarioTag && random.chance(0.7)) tags.add(scenarioTag);
  const more = random.weighted([
    [0, 5],
    [1, 3],
    [2, 1],
  ] as const);
  for (let i = 0; i < more; i++) tags.add(random.weighted(TAG_POOL));
  for (const tag of extra) tags.add(tag);
  return [...tags];
}

export const pickEnv = (random: Random): string => random.weighted(ENVS);

/** A few heavy users and a long tail, as in real traffic. */
export function pickUser(random: Random): number {
  const r = random.next();
  return 1 + Math.floor(r * r * r * USER_COUNT);
}

export function metadataFor(
  random: Random,
  env: string,
  userNumber: number,
  day: number,
): Record<string, string> {
  const metadata: Record<string, string> = {
    user_id: `user_${userNumber}`,
    session_id: `sess_${mixSeed(userNumber, day).toString(16).padStart(8, '0')}`,
    env,
  };
  if (random.chance(0.7)) metadata.region = random.pick(METADATA_REGIONS);
  if (random.chance(0.6)) metadata.app_version = `2.${random.int(0, 14)}.${random.int(0, 9)}`;
  if (random.chance(0.5))
    metadata.customer_tier = random.weighted([
      ['free', 6],
      ['pro', 3],
      ['enterprise', 1],
    ] as const);
  if (random.chance(0.15)) metadata.feature_flag = random.pick(['new-ranker', 'long-context', 'fast-path']);
  if (random.chance(0.1)) metadata.trace_id = random.hex(32);
  if (random.chance(0.05)) metadata.conversation_language = random.pick(['en', 'fr', 'de', 'es', 'ja']);
  return metadata;
}

export const SCORE_NAMES = ['default', 'accuracy', 'helpfulness', 'relevance'] as const;

/** Either a named score, the Python SDK's "no score" (score 0, score_name null), or nothing. */
export function scoreFor(random: Random): { score: number; score_name: string | null } | null {
  const roll = random.next();
  if (roll < 0.3) {
    const r = random.next();
    const value = Math.min(100, Math.round(100 - r * r * 100));
    return {
      score: value,
      score_name: random.weighted([
        ['default', 5],
        ['accuracy', 2],
        ['helpfulness', 2],
        ['relevance', 1],
      ] as const),
    };
  }
  if (roll < 0.45) return { score: 0, score_name: null };
  return null;
}

export interface Outcome {
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  errorType: string | null;
  errorMessage: string | null;
  /** Latency in ms forced by the failure (a timeout), if any. */
  latencyMs: number | null;
}

const ERRORS: readonly (readonly [Omit<Outcome, 'status'>, number])[] = [
  [
    { errorType: 'PROVIDER_TIMEOUT', errorMessage: 'Request timed out after 30 seconds', latencyMs: 30_000 },
    4,
  ],
  [
    {
      errorType: 'PROVIDER_RATE_LIMIT',
      errorMessage: 'Rate limit reached for requests per minute. Please try again in 20s.',
      latencyMs: 180,
    },
    5,
  ],
  [
    {
      errorType: 'PROVIDER_QUOTA_LIMIT',
      errorMessage: 'You exceeded your current quota, please check your plan and billing details.',
      latencyMs: 150,
    },
    2,
  ],
  [{ errorType: 'PROVIDER_AUTH_ERROR', errorMessage: 'Incorrect API key provided.', latencyMs: 90 }, 1],
  [
    {
      errorType: 'PROVIDER_ERROR',
      errorMessage: 'Overloaded: the server is temporarily unable to handle the request (529).',
      latencyMs: null,
    },
    4,
  ],
  [
    {
      errorType: 'TEMPLATE_RENDER_ERROR',
      errorMessage: 'Template render failed: unexpected "}" at position 112',
      latencyMs: 2,
    },
    1,
  ],
  [
    {
      errorType: 'VARIABLE_MISSING_OR_EMPTY',
      errorMessage: 'Input variable "city" is missing or empty',
      latencyMs: 1,
    },
    1,
  ],
  [{ errorType: 'UNKNOWN_ERROR', errorMessage: 'Connection reset by peer', latencyMs: null }, 1],
];

const WARNINGS: readonly (readonly [Omit<Outcome, 'status'>, number])[] = [
  [
    {
      errorType: 'PROVIDER_PARTIAL_RESPONSE',
      errorMessage: 'Response truncated: max_tokens reached',
      latencyMs: null,
    },
    5,
  ],
  [
    {
      errorType: 'PROVIDER_RATE_LIMIT',
      errorMessage: 'Rate limited once; succeeded after 1 retry',
      latencyMs: null,
    },
    2,
  ],
];

export function outcomeFor(random: Random): Outcome {
  const roll = random.next();
  if (roll < 0.03) return { status: 'ERROR', ...random.weighted(ERRORS) };
  if (roll < 0.07) return { status: 'WARNING', ...random.weighted(WARNINGS) };
  return { status: 'SUCCESS', errorType: null, errorMessage: null, latencyMs: null };
}
