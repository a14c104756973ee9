/**
 * Axis labels on several lines, broken between words only: ECharts' own `overflow: 'break'` splits
 * a word that is wider than the label's box ("Сценари/й"). Greedy by characters: each line takes
 * words while it stays within `maxChars`; a word longer than that gets a line of its own, whole.
 * Chinese has no spaces: text without spaces is broken every `maxChars` characters unless it is one
 * word of a spaced script (no CJK character in it).
 */
const CJK = /[\u3000-\u9fff\uac00-\ud7af\uff00-\uffef]/;

export function wrapLabel(text: string, maxChars: number): string {
  const limit = Math.max(1, Math.floor(maxChars));
  const words = text.trim().split(/\s+/).filter((word) => word !== '');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (CJK.test(word) && [...word].length > limit) {
      if (line) lines.push(line);
      line = '';
      const chars = [...word];
      for (let i = 0; i < chars.length; i += limit) lines.push(chars.slice(i, i + limit).join(''));
      continue;
    }
    if (line === '') line = word;
    else if ([...line].length + 1 + [...word].length <= limit) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines.join('\n');
}
