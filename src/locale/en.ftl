# What figcheck says about an English draft. Values ($value, $found …) come
# written already: numbers as the draft's language writes them, the draft's
# own words as written. Keep every message here in step with es.ftl.

## Lists

list-and = { $init } and { $last }
list-or = { $init } or { $last }

## Values, as the help lines give them

value-range = { $low }–{ $high }
value-or-more = { $value } or more
value-up-to = up to { $value }
value-any = any value
value-for-year = { $value } for { $year }
value-notes = { $value } ({ $notes })
value-as-of = { $value } (as of { $date })
note-stale = stale
note-stale-because = stale: { $note }
use = use { $value }
use-also = { $instead }; also accepted: { $values }

## Labels under the draft's text

label-found = found { $found }
label-tied = tied to { $year }
label-here = { $found } here

## Help lines' endings

help-see = { $help }; see { $url }
help-unsure = { $help }; probably about { $figure }, but the sentence leaves some doubt: check this figure
help-unsure-value = { $help }; if it is about { $figure }, it meets none of its values, and it may count something else: check this figure
help-quoted = { $help }; the number is in a quotation, a source's words: add context, do not change the quote

## figcheck::mismatch

mismatch = { $figure }: { $found } { $why ->
    [below-one] is below the accepted value
    [below-every] is below every accepted value
    [above-one] is above the accepted value
    [above-every] is above every accepted value
   *[other] is not an accepted value
  }{ $reach }
mismatch-reach = : “{ $written }” means { $span }
mismatch-span = { $low } to { $high }
too-early = { $figure }: { $found } was not reported until { $reported }
too-early-later = { $figure }: { $found } was not reported until later
too-early-help = { $value } was first reported in { $reported }, after { $whose ->
    [sentence] the date this sentence speaks of
   *[draft] this draft's date
  } ({ $date }); { $instead }
too-early-help-later = { $value } was first reported later, after { $whose ->
    [sentence] the date this sentence speaks of
   *[draft] this draft's date
  } ({ $date }); { $instead }

## figcheck::stale

stale = { $figure }: { $found } is an outdated value
stale-because = { $figure }: { $found } is an outdated value ({ $why })
stale-year = the value for { $year }
stale-help = use { $current } instead of { $old }
stale-part-of-year = { $figure }: { $found } covers only part of { $year }, which has ended
stale-part-of-year-help = the { $what ->
    [count] count
   *[value] value
  } for all of { $year } is { $whole }: give it, or say when this figure was given
superseded = { $figure }: { $found } is outdated: it was the { $what ->
    [count] count
   *[value] value
  } as of { $date }
superseded-help = { $old } was the { $what ->
    [count] count
   *[value] value
  } as of { $date }; it is { $now }
superseded-help-since = { $old } was the { $what ->
    [count] count
   *[value] value
  } as of { $date }; as of { $since } it is { $now }

## figcheck::wrong-year

wrong-year = { $figure }: { $found } is the value for { $year }, not for { $tied }
wrong-year-other = { $figure }: { $found } is accepted only for another year, not for { $tied }
wrong-year-named = the year named
wrong-year-none = no value is recorded for { $tied }; use { $value }

## figcheck::wrong-source

wrong-source = { $figure }: { $found } is { $owner }'s value, not { $named }'s
wrong-source-help = { $value } is { $owner }'s value; { $named } reports { $current }
wrong-source-another = another source
wrong-source-named = the source named
wrong-source-outdated = only outdated values

## figcheck::inconsistent

inconsistent = { $figure }: this draft gives { $values }, which no single accepted value covers
inconsistent-help = use one value throughout: { $value }

## figcheck::arithmetic

arithmetic = { $what ->
    [share] this share does not follow from its numbers
    [change] this change does not follow from its two values
    [factor] this factor does not follow from its two values
    [difference] this difference does not follow from its two values
    [parts-short] these parts do not add up to the whole they make
   *[parts-over] these parts add up to more than their whole
  }: { $computation }
arithmetic-help = { $computation }, { $verdict }
arithmetic-not = not { $written }
arithmetic-times = { $x } ÷ { $y } = { $result } times
arithmetic-change = from { $from } to { $to } is { $way ->
    [drop] a drop
   *[rise] a rise
  } of { $result }%
arithmetic-not-change = not { $way ->
    [drop] a drop of
   *[rise] a rise of
  } { $written }
arithmetic-not-factor = not { $verb } ({ $low }–{ $high } times)
arithmetic-not-factor-open = not more than { $verb } (at least { $low } times)
arithmetic-not-parts-over = more than the { $whole } in all
arithmetic-not-parts-short = not all { $whole } of them

## figcheck::hidden-characters

hidden = { $figure }: this number stands under an invisible { $name }: the draft holds { $written }, readers may see { $shown }
hidden-help = delete the control characters and type the number as readers should see it; figcheck does not judge it until then
hidden-label = holds { $written }

## figcheck::unused-ignore

unused-ignore = this suppression hides no finding
unused-ignore-unknown = this suppression names { $figures }, which rules.toml does not have
unused-ignore-help = remove it, or correct the figure id it names; --no-ignores shows what suppressions hide
unused-ignore-label = suppresses nothing

## Fixes

fix-use = Use { $value }

## The editor's hover

hover-forecast = Read as a forecast, target or plan: not judged.
hover-part-of-year = Read as a figure for part of a year, which the rules keep per year: not judged.
hover-accepted = { $found } is accepted.
hover-canonical = { $value } (canonical)
hover-values = Accepted values:
hover-tier = How sure: { $why }
hover-unjudged = Not judged: this claim is { $tier }, and { $lowest } claims and above are reported.

## Why a claim is in its tier (`figcheck numbers`, the editor's hover)

tier-firm = firm
tier-likely = likely
tier-weak = weak
cue-value-off = far from every accepted value
cue-words-between = words between the number and its subject
cue-narrow-time = a day or other short time bounds the count
cue-marks-between = punctuation between the number and its subject
cue-number-first = the number before its subject
cue-part = a part taken out of a whole
cue-period = a period bounded by an event or a person
cue-running-total = a running total
cue-referred = the subject named in the sentence before
cue-family = a word of the subject's family, not the desk's own
cue-earlier = the earlier value of a change
cue-dated = tied to a year or a date
cue-rivals = other numbers in the clause
cue-value-bare = meets none of the figure's values
cue-value-qualified = meets none of the figure's values; qualified, as a running count is
