/** Word and sentence pools for sample text. Exported so tests and the benchmark can search for them. */
import type { Random } from './random.ts';

export const CITIES = [
  'Paris',
  'London',
  'Berlin',
  'Tokyo',
  'Lisbon',
  'Madrid',
  'Toronto',
  'Sydney',
  'Nairobi',
  'Seoul',
  'Mumbai',
  'Chicago',
  'Denver',
  'Oslo',
  'Prague',
  'Vienna',
  'Dublin',
  'Austin',
  'Lagos',
  'Lima',
  'Montreal',
  'Osaka',
  'Zurich',
  'Helsinki',
  'Athens',
  'Cairo',
  'Bogota',
  'Hanoi',
  'Manila',
  'Warsaw',
] as const;

export const PRODUCTS = [
  'Aurora headphones',
  'Nimbus router',
  'Vertex laptop',
  'Pulse smartwatch',
  'Atlas backpack',
  'Echo speaker',
  'Orbit drone',
  'Quartz kettle',
  'Summit tent',
  'Lumen desk lamp',
  'Cascade blender',
  'Zephyr fan',
  'Harbor coffee grinder',
  'Glacier water bottle',
  'Comet e-bike',
] as const;

export const LANGUAGES = [
  'French',
  'German',
  'Spanish',
  'Japanese',
  'Portuguese',
  'Italian',
  'Korean',
] as const;

export const TOPICS = [
  'quarterly revenue',
  'battery recycling',
  'remote work policy',
  'urban cycling lanes',
  'coral reef recovery',
  'database migration',
  'supply chain delays',
  'solar panel efficiency',
  'customer churn',
  'rail freight',
  'vaccine distribution',
  'open source licensing',
  'wildfire prevention',
  'interest rate changes',
  'warehouse robotics',
  'language model evaluation',
] as const;

export const COMPLAINTS = [
  'I was charged twice for my last order and nobody answers my emails.',
  'The package arrived damaged and the box was wet.',
  'How do I reset my password? The link in the email has expired.',
  'Can I change the delivery address after the order has shipped?',
  'The app crashes every time I open the settings page on Android.',
  'I want a refund for the subscription I cancelled last week.',
  'My invoice shows the wrong VAT number, please correct it.',
  'The tracking page says delivered but I never received anything.',
  'Is there a student discount for the annual plan?',
  'Your chatbot keeps asking me the same question in a loop.',
] as const;

const SENTENCES = [
  'The team reviewed the proposal and agreed to move forward with a smaller pilot.',
  'Early measurements suggest the change reduced latency by roughly a third.',
  'Several customers reported that the new onboarding flow was easier to follow.',
  'Costs rose in the second half of the year, mostly because of higher energy prices.',
  'The committee asked for a clearer timeline before approving the budget.',
  'Independent testing confirmed the results under more realistic conditions.',
  'A follow-up study will look at the long-term effects over five years.',
  'Critics argue that the benefits are unevenly distributed across regions.',
  'Most of the remaining work is documentation and a final security review.',
  'The report recommends publishing the raw data so others can verify it.',
  'Demand recovered faster than expected once the supply issues were resolved.',
  'Engineers traced the outage to a misconfigured load balancer health check.',
  'The new policy takes effect next month and applies to all contractors.',
  'Analysts expect the trend to continue, although forecasts vary widely.',
  'Participants said clearer instructions would have saved them time.',
  'The prototype passed its stress test but still needs a quieter cooling fan.',
  'Local officials welcomed the plan and promised to speed up permits.',
  'Nobody expected the migration to finish two weeks ahead of schedule.',
] as const;

export const FIRST_NAMES = [
  'Ana',
  'Ben',
  'Chloé',
  'Dmitri',
  'Emeka',
  'Farah',
  'Giulia',
  'Hiro',
  'Ines',
  'Jonas',
];

export function sentences(random: Random, count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(random.pick(SENTENCES));
  return out.join(' ');
}

/** A paragraph-ish block about a topic, `sentenceCount` sentences long. */
export function paragraph(random: Random, topic: string, sentenceCount: number): string {
  return `On ${topic}: ${sentences(random, sentenceCount)}`;
}

const IMAGE_COLOURS = ['#2563eb', '#16a34a', '#d97706', '#9333ea', '#dc2626', '#0891b2'] as const;

const escapeXml = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');

/**
 * A product "photo" as an inline SVG data URL: sample data must show its images offline (no
 * network, no external host), and an <img> never runs an SVG's scripts (it has none anyway).
 */
export function productImage(product: string, colour: number): string {
  const fill = IMAGE_COLOURS[colour % IMAGE_COLOURS.length] ?? IMAGE_COLOURS[0];
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="240" height="160" viewBox="0 0 240 160"><rect width="240" height="160" rx="8" fill="${fill}"/><rect x="80" y="28" width="80" height="72" rx="10" fill="#fff" fill-opacity=".35"/><text x="120" y="136" font-family="sans-serif" font-size="16" text-anchor="middle" fill="#fff">${escapeXml(product)}</text></svg>`;
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}
