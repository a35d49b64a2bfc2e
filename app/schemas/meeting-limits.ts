// Kept apart from the zod schema so the page can read it without shipping zod.
export const MEETING_TEXT_MAX = 20_000
