import { skippedWords } from '@/lib/records/readable';

/** Says plainly how many stored entries a list left out because they couldn't be read. */
export function SkippedNote({ skipped }: { skipped: number }) {
  const words = skippedWords(skipped);
  return words ? <p className="hint">{words}</p> : null;
}
