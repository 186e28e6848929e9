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

/** Which kinds of contact are on record: for the period `periodId`, or ever when there is none. */
export interface ContactsSeen {
  /** Any contact at all: a slip, or their message. */
  any: boolean;
  /** "They contacted me". */
  fromThem: boolean;
  /** Contact the user started. */
  fromMe: boolean;
}

export async function contactsSeen(periodId: string | null, db?: BreathingRoomDb): Promise<ContactsSeen> {
  const table = (db ?? (await pagesDb())).contacts;
  const rows = await (periodId ? table.where('periodId').equals(periodId) : table.toCollection()).toArray();
  const fromThem = rows.some((c) => c.kind === 'they-reached-out' || c.startedBy === 'them');
  const fromMe = rows.some((c) => c.kind === 'contact' && c.startedBy === 'me');
  return { any: rows.length > 0, fromThem, fromMe };
}
