/** The rare very large requests: a multi-megabyte message or a ~2,000-message conversation. */

import type { Random } from './random.ts';
import { assistant, type Conversation, chat, outputChat, system, user } from './scenario.ts';
import { paragraph, sentences, TOPICS } from './vocabulary.ts';

/** About 1 in 20,000 requests is large. */
export const LARGE_PAYLOAD_RATE = 1 / 20_000;

export function largeConversation(random: Random): Conversation {
  const topic = random.pick(TOPICS);
  if (random.chance(0.5)) {
    const targetBytes = random.int(1, 5) * 1024 * 1024;
    // Repeating a few distinct paragraphs keeps generation cheap while the text stays readable.
    const unit = [0, 1, 2, 3].map(() => paragraph(random, topic, 8)).join('\n\n');
    const text = `Log dump about ${topic}:\n\n${unit.repeat(Math.ceil(targetBytes / unit.length)).slice(0, targetBytes)}`;
    return {
      variables: { topic },
      input: chat([
        system(random, 'Find anomalies in the attached log dump.'),
        { role: 'user', content: [{ type: 'text', text }] },
      ]),
      output: outputChat(assistant(`No anomalies found in the ${topic} dump. ${sentences(random, 2)}`)),
    };
  }
  const messages = [system(random, 'You are a patient tutor. Keep answers short.')];
  const count = random.int(1900, 2100);
  for (let i = 1; i < count; i++) {
    messages.push(
      i % 2 === 1
        ? user(random, `(${i}) ${sentences(random, 1)}`)
        : assistant(`(${i}) ${sentences(random, 1)}`),
    );
  }
  return {
    variables: { topic },
    input: chat(messages),
    output: outputChat(assistant(`We have covered ${topic} at length. ${sentences(random, 1)}`)),
  };
}
