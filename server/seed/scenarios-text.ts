/** Text-only scenarios: support triage, summaries, translation, extraction, free chat, completions. */
import { assistant, chat, outputChat, type Scenario, system, textBlocks, user } from './scenario.ts';
import { COMPLAINTS, FIRST_NAMES, LANGUAGES, PRODUCTS, paragraph, sentences, TOPICS } from './vocabulary.ts';

const supportTriage: Scenario = {
  promptName: 'support-triage',
  kind: 'chat',
  versions: 6,
  weight: 14,
  build(random) {
    const complaint = random.pick(COMPLAINTS);
    const product = random.pick(PRODUCTS);
    const name = random.pick(FIRST_NAMES);
    const category = random.pick(['billing', 'shipping', 'account', 'bug', 'refund', 'other']);
    const priority = random.pick(['low', 'medium', 'high', 'urgent']);
    const answer = JSON.stringify({ category, priority, sentiment: random.pick(['negative', 'neutral']) });
    return {
      variables: { customer_name: name, product },
      input: chat(
        [
          system(random, 'Classify the support ticket. Answer with JSON: {category, priority, sentiment}.'),
          user(random, `From ${name} about the ${product}: ${complaint}`),
        ],
        { input_variables: ['customer_name', 'product'] },
      ),
      output: outputChat(assistant(answer)),
    };
  },
};

const summarize: Scenario = {
  promptName: 'summarize-article',
  kind: 'chat',
  versions: 4,
  weight: 12,
  build(random) {
    const topic = random.pick(TOPICS);
    const article = [1, 2, 3]
      .slice(0, random.int(1, 2))
      .map(() => paragraph(random, topic, random.int(2, 5)))
      .join('\n\n');
    return {
      variables: { topic, max_words: String(random.pick([50, 100, 150])) },
      input: chat([
        system(random, 'You summarise articles for a busy executive. Be factual and brief.'),
        user(random, `Summarise this article about ${topic}:\n\n${article}`),
      ]),
      output: outputChat(assistant(`Summary (${topic}): ${sentences(random, random.int(2, 4))}`)),
    };
  },
};

const translate: Scenario = {
  promptName: 'translate',
  kind: 'chat',
  versions: 3,
  weight: 8,
  build(random) {
    const language = random.pick(LANGUAGES);
    const text = sentences(random, random.int(1, 3));
    return {
      variables: { target_language: language, text },
      input: chat([
        system(random, `Translate the user's text into ${language}. Keep names unchanged.`),
        user(random, text),
      ]),
      output: outputChat(assistant(`[${language}] ${text}`)),
    };
  },
};

const extractInvoice: Scenario = {
  promptName: 'extract-invoice',
  kind: 'chat',
  versions: 5,
  weight: 7,
  build(random) {
    const product = random.pick(PRODUCTS);
    const quantity = random.int(1, 40);
    const unit = random.int(900, 49_900) / 100;
    const invoice = `INVOICE INV-${random.int(10_000, 99_999)}\nItem: ${product}\nQty: ${quantity}\nUnit price: ${unit} EUR\nVAT: 20%`;
    const json = { invoice_number: invoice.slice(8, 17), items: [{ product, quantity, unit_price: unit }] };
    return {
      variables: { document: 'invoice.pdf' },
      input: chat([
        system(random, 'Extract the invoice as JSON with invoice_number and items. Output only JSON.'),
        user(random, invoice),
      ]),
      output: outputChat(assistant(JSON.stringify(json, null, random.chance(0.5) ? 2 : 0))),
    };
  },
};

const codeReview: Scenario = {
  promptName: 'code-review',
  kind: 'chat',
  versions: 2,
  weight: 5,
  build(random) {
    const fn = random.pick(['parseConfig', 'retryWithBackoff', 'mergeSortedLists', 'hashPassword']);
    const code = `export function ${fn}(input) {\n  const result = [];\n  for (const item of input) {\n    if (item == null) continue;\n    result.push(item);\n  }\n  return result;\n}`;
    return {
      variables: { language: 'typescript' },
      input: chat([
        system(random, 'You are a careful senior reviewer. Point out bugs first, style last.'),
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Review this function:' },
            { type: 'code', code, language: 'typescript' },
          ],
        },
      ]),
      output: outputChat(
        assistant(`The loop in ${fn} uses loose equality; prefer an explicit check. ${sentences(random, 2)}`),
      ),
    };
  },
};

const freeChat: Scenario = {
  promptName: null,
  kind: 'chat',
  versions: 0,
  weight: 14,
  build(random) {
    const topic = random.pick(TOPICS);
    const messages = [system(random, 'You are a helpful assistant.')];
    const turns = random.int(1, 5);
    for (let turn = 0; turn < turns; turn++) {
      messages.push(
        user(random, `Question ${turn + 1} about ${topic}: ${sentences(random, 1)} What do you think?`),
      );
      if (turn < turns - 1) messages.push(assistant(sentences(random, random.int(1, 3))));
    }
    return {
      variables: null,
      input: chat(messages),
      output: outputChat(assistant(sentences(random, random.int(1, 5)))),
    };
  },
};

const productDescription: Scenario = {
  promptName: 'product-description',
  kind: 'completion',
  versions: 3,
  weight: 4,
  build(random) {
    const product = random.pick(PRODUCTS);
    return {
      variables: { product },
      input: {
        type: 'completion',
        template_format: 'f-string',
        input_variables: ['product'],
        content: textBlocks(`Write a two-sentence product description for the ${product}.\n\nDescription:`),
      },
      output: {
        type: 'completion',
        content: textBlocks(`The ${product} ${sentences(random, 2).toLowerCase()}`),
      },
    };
  },
};

export const TEXT_SCENARIOS: readonly Scenario[] = [
  supportTriage,
  summarize,
  translate,
  extractInvoice,
  codeReview,
  freeChat,
  productDescription,
];
