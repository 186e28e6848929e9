import type { BreathingRoomDb } from './db';
import { addRow, pagesDb, type RecordsDb } from './handle';
import { type Readable, readableContact, readableRows } from './readable';
import { newUid, STORE } from './schema';
import type { Contact, NewContact } from './types';

/** Contacts with them. Every read and write of the `contacts` store goes through here. */

/** Adds a new contact, with a new stable id; gives its row number on this device. */
export async function addContact(contact: NewContact, db?: RecordsDb): Promise<number> {
  const row: Omit<Contact, 'id'> = { ...contact, uid: newUid() };
  return (await addRow(STORE.contacts, row, db)) as number;
}

/** The newest contacts first, at most `limit`; a row that can't be read is left out and counted. */
export async function listContacts(limit: number, db?: BreathingRoomDb): Promise<Readable<Contact>> {
  const stored = await (db ?? (await pagesDb())).contacts.orderBy('time').reverse().limit(limit).toArray();
  return readableRows(stored, readableContact);
}
