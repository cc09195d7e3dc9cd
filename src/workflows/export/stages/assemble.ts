import type { APIMessage } from "discord-api-types/v10";
import { textRef } from "../../../i18n/text-ref.ts";
import {
  continueLater,
  type JsonObject,
  type JsonValue,
  type StageContext,
  type StageDefinition,
  type StageYield,
} from "../../../workflow/definition.ts";
import type { FileUpload, UploadState } from "../../../workflow/stage-files.ts";
import { exportWriter, type WriterState } from "../format/export-writer.ts";
import {
  type AssembledExport,
  type CollectedExport,
  chunkMessages,
  chunkName,
  contextFor,
  type ExportSource,
  halfwayThrough,
  type PreparedExport,
} from "../model.ts";
import type { ExportOptions } from "../options.ts";

/** Distinct authors counted at most (kept in the state); beyond it the embed says "at least". */
const MAX_PARTICIPANTS = 2_000;

interface Position extends JsonObject {
  source: number;
  chunk: number;
  /** Messages of the chunk already written. */
  offset: number;
}

interface AssembleState extends JsonObject {
  at: Position;
  /** Where the open file began: an upload that cannot be resumed is started again from here. */
  fileStart: Position;
  part: number;
  inFile: number;
  upload: UploadState | null;
  writer: WriterState | null;
  files: AssembledExport["files"];
  participants: string[];
  capped: boolean;
}

const START: Position = { source: 0, chunk: 0, offset: 0 };

/** A name safe in a download link and readable: the channel's name and its id. */
export function fileBase(source: ExportSource): string {
  const slug = source.name
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 60);
  return `${slug || "channel"}-${source.id}`;
}

function fileName(source: ExportSource, part: number, options: ExportOptions): string {
  const extension = exportWriter(options.format).extension;
  const suffix = options.partition > 0 ? `-part-${part + 1}` : "";
  return `${fileBase(source)}${suffix}.${extension}`;
}

class Assembler {
  private upload: FileUpload | null = null;
  // Plain fields, not parameter properties: Node's type stripping (scripts) refuses those.
  private readonly context: StageContext<ExportOptions>;
  private readonly state: AssembleState;

  constructor(context: StageContext<ExportOptions>, state: AssembleState) {
    this.context = context;
    this.state = state;
  }

  private get prepared(): PreparedExport {
    return this.context.outputs.prepare as PreparedExport;
  }

  private get collected(): CollectedExport {
    return this.context.outputs.collect as CollectedExport;
  }

  private source(): ExportSource {
    return this.prepared.sources[this.state.at.source] as ExportSource;
  }

  private writerContext() {
    return contextFor(this.prepared, this.source(), this.context.options.filter);
  }

  private async openFile(): Promise<FileUpload> {
    if (this.upload) return this.upload;
    const { options, files } = this.context;
    const writer = exportWriter(options.format);
    const name = fileName(this.source(), this.state.part, options);
    if (this.state.upload) {
      this.upload = await files.upload(name, writer.contentType, this.state.upload);
    } else {
      this.upload = await files.upload(name, writer.contentType);
      this.state.fileStart = { ...this.state.at };
      await this.upload.write(writer.begin(this.writerContext()));
    }
    return this.upload;
  }

  private async closeFile(): Promise<void> {
    const upload = await this.openFile();
    const writer = exportWriter(this.context.options.format);
    await upload.write(writer.end(this.writerContext(), this.state.writer, this.state.inFile));
    const file = await upload.finish();
    this.state.files.push({ ...file, messages: this.state.inFile });
    this.upload = null;
    this.state.upload = null;
    this.state.writer = null;
    this.state.inFile = 0;
    this.state.part++;
  }

  private countAuthors(messages: readonly APIMessage[]): void {
    const seen = new Set(this.state.participants);
    for (const message of messages) {
      if (seen.size >= MAX_PARTICIPANTS) {
        this.state.capped = true;
        break;
      }
      seen.add(message.author.id);
    }
    this.state.participants = [...seen];
  }

  /** Writes one chunk (from the saved offset); true when the whole export is written. */
  async step(): Promise<boolean> {
    const { at } = this.state;
    const collected = this.collected.sources[at.source];
    if (!collected) return true;
    const partition = this.context.options.partition;
    if (at.chunk >= collected.chunks) {
      // The source's last file; an empty source still gets one (it says "no messages").
      if (this.state.upload || this.state.inFile > 0 || this.state.part === 0)
        await this.closeFile();
      this.state.at = { source: at.source + 1, chunk: 0, offset: 0 };
      this.state.part = 0;
      return this.state.at.source >= this.collected.sources.length;
    }
    const text = await this.context.files.text(chunkName(at.source, at.chunk));
    if (text === null) throw new Error(`chunk ${at.source}/${at.chunk} of the export is missing`);
    const messages = chunkMessages(text).slice(at.offset);
    const writer = exportWriter(this.context.options.format);
    let written = 0;
    while (written < messages.length) {
      if (partition > 0 && this.state.inFile >= partition) await this.closeFile();
      const room = partition > 0 ? partition - this.state.inFile : messages.length;
      const batch = messages.slice(written, written + room);
      const upload = await this.openFile();
      const out = writer.write(batch, this.writerContext(), this.state.writer);
      await upload.write(out.text);
      this.state.writer = out.state;
      this.state.inFile += batch.length;
      written += batch.length;
      this.countAuthors(batch);
      this.state.at = { ...this.state.at, offset: at.offset + written };
    }
    this.state.at = { source: at.source, chunk: at.chunk + 1, offset: 0 };
    return false;
  }

  /** The state to keep: the open file's tail saved first. */
  async suspend(): Promise<AssembleState> {
    if (this.upload) this.state.upload = await this.upload.suspend();
    return this.state;
  }
}

function startState(): AssembleState {
  return {
    at: START,
    fileStart: START,
    part: 0,
    inFile: 0,
    upload: null,
    writer: null,
    files: [],
    participants: [],
    capped: false,
  };
}

/**
 * Streams the chunks through the format's writer into R2, one multipart upload per file, and
 * yields once half its budget is spent. A resumed run whose upload is gone (it had completed
 * just before a crash) writes that file again from its start: the same bytes under the same name.
 */
async function assemble(
  context: StageContext<ExportOptions>,
  saved: AssembleState | undefined,
): Promise<JsonValue | StageYield> {
  const state = saved ? structuredClone(saved) : startState();
  const assembler = new Assembler(context, state);
  const halfway = halfwayThrough(context.budgetEndsAt);
  let finished = false;
  try {
    do finished = await assembler.step();
    while (!finished && Date.now() < halfway);
  } catch (error) {
    if (!saved?.upload) throw error;
    context.log.warn("export.upload_restarted", { error });
    const restart: AssembleState = {
      ...saved,
      at: saved.fileStart,
      upload: null,
      writer: null,
      inFile: 0,
    };
    return continueLater(restart);
  }
  const total = (context.outputs.collect as CollectedExport).sources.length;
  await context.progress(
    textRef("exporting.progress.writing", { files: state.files.length }),
    Math.min(1, state.at.source / Math.max(1, total)),
  );
  if (!finished) return continueLater(await assembler.suspend());
  const output: AssembledExport = {
    files: state.files,
    participants: state.participants.length,
    participantsCapped: state.capped,
  };
  return output;
}

export const assembleStage: StageDefinition<ExportOptions> = {
  name: "assemble",
  label: textRef("exporting.stage.assemble"),
  bulk: true,
  run: (context, state) => assemble(context, state as AssembleState | undefined),
};
