/** Discord channel types an export reads (docs: resources/channel, channel types). */
export const ChannelKind = {
  Text: 0,
  Announcement: 5,
  AnnouncementThread: 10,
  PublicThread: 11,
  PrivateThread: 12,
  Forum: 15,
} as const;

export const EXPORTABLE_TYPES: readonly number[] = Object.values(ChannelKind);
