// Backup and restore of the whole database as one file (dexie-export-import). A restore is
// first read into a scratch database; only a file that imports cleanly replaces the real one,
// so a corrupt backup leaves everything as it was.
import { Dexie } from 'dexie';
import { exportDB, importInto } from 'dexie-export-import';
import { movePrintRowsIntoGroups } from '../../db/printGroups';
import { groupItemsWithoutStory, itemTagRowsOf, openDatabase, type ItemTag, type ItemWithTagIds, type PressWatchDb } from '../../db/schema';

export async function exportBackup(db: PressWatchDb): Promise<Blob> {
  return exportDB(db, { prettyJson: false });
}

export async function restoreBackup(db: PressWatchDb, file: Blob): Promise<void> {
  const scratchName = `presswatch-restore-check-${Date.now()}`;
  const scratch = openDatabase(scratchName);
  try {
    await scratch.open();
    await importInto(scratch, file, { acceptNameDiff: true, acceptVersionDiff: true, acceptMissingTables: true, clearTablesBeforeImport: true });
  } catch (error) {
    throw new Error(`the file is not a PressWatch backup (${error instanceof Error ? error.message : String(error)})`);
  } finally {
    scratch.close();
    await Dexie.delete(scratchName);
  }
  // Every table is emptied first, also those the file lacks (an older backup's). A backup from
  // before version 5 lists each item's tags in the item: they become itemTags rows, and the field goes.
  const movedTags: ItemTag[] = [];
  await importInto(db, file, {
    acceptVersionDiff: true,
    acceptMissingTables: true,
    clearTablesBeforeImport: true,
    transform: (table, value: unknown, key?: unknown) => {
      if (table !== 'items' || !value || typeof value !== 'object' || !('tagIds' in value)) return { value, key };
      const item = { ...(value as ItemWithTagIds) };
      movedTags.push(...itemTagRowsOf([item]));
      delete item.tagIds;
      return { value: item, key };
    },
  });
  await db.itemTags.bulkPut(movedTags);
  // A backup from before version 6 keeps a row per story print: they move into groups, where grouping reads them.
  await db.transaction('rw', [db.storyPrints, db.printGroups], () => movePrintRowsIntoGroups(db.storyPrints, db.printGroups));
  // A backup from before stories brings items without one; they join their stories now.
  await groupItemsWithoutStory(db);
}
