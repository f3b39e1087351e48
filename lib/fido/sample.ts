/**
 * A built-in question with short passages for the live model. The tide clock, Maren Holt
 * and Eskvik are invented for this site, so no reader mistakes the text for facts.
 */

export interface Passage {
  title: string;
  text: string;
}

export const SAMPLE_QUESTION = 'who built the first tide clock and where did it run?';

export const SAMPLE_PASSAGES: readonly Passage[] = [
  {
    title: 'tide clock',
    text:
      'a tide clock is a machine that shows the height of the sea instead of the hour. ' +
      'the first working tide clock was built in 1791 by maren holt, a rope maker in the harbour town of eskvik.',
  },
  {
    title: 'maren holt',
    text:
      'maren holt (1752 to 1820) was a rope maker and self taught engineer. she built her first tide clock ' +
      'from old ship parts and set it in the wall of the eskvik harbour office, where it ran for forty years.',
  },
  {
    title: 'eskvik harbour',
    text:
      'eskvik is a small fishing port on a cold northern coast. its harbour office kept a tide clock on the ' +
      'east wall, and boat crews checked it before they left at dawn.',
  },
  {
    title: 'how a tide clock works',
    text:
      'a tide clock turns one hand once in about twelve hours and twenty five minutes, the time between two ' +
      'high tides. a float in a water pipe corrects the hand when it drifts.',
  },
  {
    title: 'later tide clocks',
    text:
      'after 1830 many ports copied the design. a brass maker in the capital sold small tide clocks for ' +
      'homes, but most of them had no float and soon ran wrong.',
  },
  {
    title: 'rope making',
    text:
      'rope makers twist long fibres into strands and strands into rope. the work needs a long shed called ' +
      'a rope walk, and eskvik had one beside the harbour.',
  },
];
