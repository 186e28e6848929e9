/** "Deleted. Undo": what stays on screen after something is deleted, until it is put back. */
export function UndoBar({ message, onUndo }: { message: string; onUndo: () => void }) {
  return (
    <div className="warning" role="status">
      <p>{message}</p>
      <button type="button" onClick={onUndo}>
        Undo
      </button>
    </div>
  );
}
