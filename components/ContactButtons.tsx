import type { ContactFlowKind } from './ContactFlow';

/** The two ways in: "I contacted them" and "They contacted me". Light, so the popup loads it up front. */
export function ContactButtons({ onChoose, small }: { onChoose: (kind: ContactFlowKind) => void; small?: boolean }) {
  return (
    <div className={small ? 'actions small-actions' : 'actions'}>
      <button type="button" onClick={() => onChoose('i-contacted')}>
        I contacted them
      </button>
      <button type="button" onClick={() => onChoose('they-contacted')}>
        They contacted me
      </button>
    </div>
  );
}
