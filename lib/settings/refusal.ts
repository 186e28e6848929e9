/**
 * A save refused before anything was written, for a reason the person can act on. Its message is
 * a plain sentence for beside the form; every form shows it as it is, rather than "try again".
 */
export class SaveRefused extends Error {
  override name = 'SaveRefused';
}
