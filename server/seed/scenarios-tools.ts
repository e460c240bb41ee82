/** Scenarios with tool calls and results, thinking blocks and images. */
import {
  assistant,
  chat,
  outputChat,
  type Scenario,
  system,
  textBlocks,
  thinking,
  toolCall,
  user,
} from './scenario.ts';
import { CITIES, PRODUCTS, productImage, sentences, TOPICS } from './vocabulary.ts';
import type { ContentBlock, Message, ToolDefinition } from './wire.ts';

const weatherTool: ToolDefinition = {
  type: 'function',
  function: {
    name: 'get_weather',
    description: 'Get current weather for a city',
    parameters: {
      type: 'object',
      properties: { location: { type: 'string' }, unit: { type: 'string', enum: ['celsius', 'fahrenheit'] } },
      required: ['location'],
    },
  },
};

const searchTools: ToolDefinition[] = [
  {
    type: 'function',
    function: {
      name: 'search_web',
      description: 'Search the web and return the top results',
      parameters: { type: 'object', properties: { query: { type: 'string' } }, required: ['query'] },
    },
  },
  {
    type: 'function',
    function: {
      name: 'fetch_page',
      description: 'Fetch a web page as plain text',
      parameters: { type: 'object', properties: { url: { type: 'string' } }, required: ['url'] },
    },
  },
];

const weather: Scenario = {
  promptName: 'weather-assistant',
  kind: 'chat',
  versions: 7,
  weight: 12,
  build(random, model) {
    const city = random.pick(CITIES);
    const messages: Message[] = [
      system(random, 'You are a weather assistant. Use tools when needed.'),
      user(random, `What's the weather in ${city} today?`),
    ];
    const call = toolCall(random, model, 'get_weather', { location: city });
    const extra = { tools: [weatherTool], tool_choice: 'auto' as const, input_variables: ['city'] };
    // First turn: the model answers with a tool call. Second turn: the tool result is in the input.
    if (random.chance(0.5)) {
      return {
        variables: { city },
        input: chat(messages, extra),
        output: outputChat({ role: 'assistant', content: [], tool_calls: [call] }),
      };
    }
    const temperature = random.int(-10, 38);
    const conditions = random.pick(['sunny', 'cloudy', 'light rain', 'snow', 'windy', 'foggy']);
    const head: ContentBlock[] = model.supportsThinking
      ? [thinking(random, 'I should call get_weather.')]
      : [];
    messages.push(
      { role: 'assistant', content: head, tool_calls: [call] },
      {
        role: 'tool',
        tool_call_id: call.id,
        content: textBlocks(JSON.stringify({ temperature, conditions })),
      },
    );
    return {
      variables: { city },
      input: chat(messages, extra),
      output: outputChat(assistant(`It's ${conditions} and ${temperature}°C in ${city} right now.`)),
    };
  },
};

const researchAgent: Scenario = {
  promptName: 'research-agent',
  kind: 'chat',
  versions: 4,
  weight: 6,
  build(random, model) {
    const topic = random.pick(TOPICS);
    const messages: Message[] = [
      system(random, 'You are a research agent. Think step by step, search, read sources, then answer.'),
      user(random, `Find recent evidence on ${topic} and give me three key points with sources.`),
    ];
    const steps = random.int(1, 3);
    for (let step = 0; step < steps; step++) {
      const search = toolCall(random, model, 'search_web', { query: `${topic} ${2024 + step}` });
      const url = `https://news.example.org/${topic.replaceAll(' ', '-')}/${random.int(1000, 9999)}`;
      const fetch = toolCall(random, model, 'fetch_page', { url });
      const reasoning = model.supportsThinking
        ? [thinking(random, `Step ${step + 1}: ${sentences(random, 2)} I will search and read one source.`)]
        : [];
      messages.push(
        { role: 'assistant', content: reasoning, tool_calls: [search, fetch] },
        {
          role: 'tool',
          tool_call_id: search.id,
          content: textBlocks(JSON.stringify([{ title: topic, url }])),
        },
        { role: 'tool', tool_call_id: fetch.id, content: textBlocks(sentences(random, random.int(3, 6))) },
      );
    }
    const finalBlocks: ContentBlock[] = model.supportsThinking
      ? [thinking(random, `I have enough sources on ${topic}. ${sentences(random, 1)}`)]
      : [];
    finalBlocks.push({
      type: 'text',
      text: `1. ${sentences(random, 1)}\n2. ${sentences(random, 1)}\n3. ${sentences(random, 1)}`,
    });
    return {
      variables: { topic },
      input: chat(messages, { tools: searchTools, tool_choice: 'auto' }),
      output: outputChat({ role: 'assistant', content: finalBlocks }),
    };
  },
};

const imageCaption: Scenario = {
  promptName: 'image-caption',
  kind: 'chat',
  versions: 2,
  weight: 6,
  build(random) {
    const product = random.pick(PRODUCTS);
    const url = productImage(product, random.int(0, 5));
    const image: ContentBlock = {
      type: 'image_url',
      image_url: { url, detail: random.pick(['low', 'high', 'auto']) },
    };
    return {
      variables: { product },
      input: chat([
        system(random, 'Write alt text for product photos: one sentence, no marketing language.'),
        { role: 'user', content: [{ type: 'text', text: `Photo of the ${product}:` }, image] },
      ]),
      output: outputChat(assistant(`A ${product} on a plain background, photographed from the front.`)),
    };
  },
};

export const TOOL_SCENARIOS: readonly Scenario[] = [weather, researchAgent, imageCaption];
