# Lo que figcheck dice de un borrador en español. Los valores ($value,
# $found …) llegan ya escritos: los números como los escribe el español
# (85.000, 1,9, 6,3 millones, 1,6 %), las palabras del borrador tal como están.
# Cada mensaje de en.ftl tiene aquí el suyo.

## Listas

list-and = { $init } y { $last }
list-or = { $init } o { $last }

## Valores, como los dan las líneas de ayuda

value-range = { $low }–{ $high }
value-or-more = { $value } o más
value-up-to = hasta { $value }
value-any = cualquier valor
value-for-year = { $value } en { $year }
value-notes = { $value } ({ $notes })
value-as-of = { $value } (a { $date })
note-stale = desactualizado
note-stale-because = desactualizado: { $note }
use = use { $value }
use-also = { $instead }; también se acepta: { $values }

## Etiquetas bajo el texto del borrador

label-found = dice { $found }
label-tied = referido a { $year }
label-here = { $found } aquí

## Finales de las líneas de ayuda

help-see = { $help }; véase { $url }
help-unsure = { $help }; probablemente se refiere a { $figure }, pero la frase deja alguna duda: compruebe esta cifra
help-unsure-value = { $help }; si se refiere a { $figure }, no coincide con ninguno de sus valores, y puede contar otra cosa: compruebe esta cifra
help-quoted = { $help }; el número está en una cita, son palabras de una fuente: añada contexto, no cambie la cita

## figcheck::mismatch

mismatch = { $figure }: { $found } { $why ->
    [below-one] está por debajo del valor aceptado
    [below-every] está por debajo de todos los valores aceptados
    [above-one] está por encima del valor aceptado
    [above-every] está por encima de todos los valores aceptados
   *[other] no es un valor aceptado
  }{ $reach }
mismatch-reach = : «{ $written }» significa { $span }
mismatch-span = de { $low } a { $high }
too-early = { $figure }: { $found } no se publicó hasta { $reported }
too-early-later = { $figure }: { $found } se publicó más tarde
too-early-help = { $value } se publicó por primera vez en { $reported }, después de { $whose ->
    [sentence] la fecha de la que habla esta frase
   *[draft] la fecha de este borrador
  } ({ $date }); { $instead }
too-early-help-later = { $value } se publicó más tarde, después de { $whose ->
    [sentence] la fecha de la que habla esta frase
   *[draft] la fecha de este borrador
  } ({ $date }); { $instead }

## figcheck::stale

stale = { $figure }: { $found } es un valor desactualizado
stale-because = { $figure }: { $found } es un valor desactualizado ({ $why })
stale-year = el valor de { $year }
stale-help = use { $current } en lugar de { $old }
stale-part-of-year = { $figure }: { $found } abarca solo una parte de { $year }, que ya terminó
stale-part-of-year-help = { $what ->
    [count] el recuento
   *[value] el valor
  } de todo { $year } es { $whole }: úselo, o diga cuándo se dio esta cifra
superseded = { $figure }: { $found } está desactualizado: era { $what ->
    [count] el recuento
   *[value] el valor
  } de { $date }
superseded-help = { $old } era { $what ->
    [count] el recuento
   *[value] el valor
  } de { $date }; ahora es { $now }
superseded-help-since = { $old } era { $what ->
    [count] el recuento
   *[value] el valor
  } de { $date }; desde { $since } es { $now }

## figcheck::wrong-year

wrong-year = { $figure }: { $found } es el valor de { $year }, no el de { $tied }
wrong-year-other = { $figure }: { $found } solo se acepta para otro año, no para { $tied }
wrong-year-named = el año indicado
wrong-year-none = no hay ningún valor registrado para { $tied }; use { $value }

## figcheck::wrong-source

wrong-source = { $figure }: { $found } es el valor de { $owner }, no el de { $named }
wrong-source-help = { $value } es el valor de { $owner }; { $named } da { $current }
wrong-source-another = otra fuente
wrong-source-named = la fuente citada
wrong-source-outdated = solo valores desactualizados

## figcheck::inconsistent

inconsistent = { $figure }: este borrador da { $values }, y ningún valor aceptado los cubre todos
inconsistent-help = use un solo valor en todo el texto: { $value }

## figcheck::arithmetic

arithmetic = { $what ->
    [share] este porcentaje no se deduce de sus números
    [change] esta variación no se deduce de sus dos valores
    [factor] este factor no se deduce de sus dos valores
    [difference] esta diferencia no se deduce de sus dos valores
    [parts-short] estas partes no suman el total que forman
   *[parts-over] estas partes suman más que su total
  }: { $computation }
arithmetic-help = { $computation }, { $verdict }
arithmetic-not = no { $written }
arithmetic-times = { $x } ÷ { $y } = { $result } veces
arithmetic-change = de { $from } a { $to } hay { $way ->
    [drop] una bajada
   *[rise] una subida
  } del { $result } %
arithmetic-not-change = no { $way ->
    [drop] una bajada de
   *[rise] una subida de
  } { $written }
arithmetic-not-factor = no «{ $verb }» (de { $low } a { $high } veces)
arithmetic-not-factor-open = no más que «{ $verb }» (al menos { $low } veces)
arithmetic-not-parts-over = más que los { $whole } en total
arithmetic-not-parts-short = no los { $whole } en total

## figcheck::hidden-characters

hidden = { $figure }: este número está bajo un carácter invisible ({ $name }): el borrador contiene { $written }, los lectores pueden ver { $shown }
hidden-help = borre los caracteres de control y escriba el número como deben verlo los lectores; figcheck no lo juzga hasta entonces
hidden-label = contiene { $written }

## figcheck::unused-ignore

unused-ignore = esta supresión no oculta ningún hallazgo
unused-ignore-unknown = esta supresión nombra { $figures }, que rules.toml no tiene
unused-ignore-help = elimínela, o corrija el identificador de cifra que nombra; --no-ignores muestra lo que ocultan las supresiones
unused-ignore-label = no suprime nada

## Correcciones

fix-use = Usar { $value }

## La información al pasar el cursor en el editor

hover-forecast = Se lee como una previsión, una meta o un plan: no se juzga.
hover-part-of-year = Se lee como una cifra de parte de un año, que las reglas llevan por año: no se juzga.
hover-accepted = { $found } es un valor aceptado.
hover-canonical = { $value } (canónico)
hover-values = Valores aceptados:
hover-tier = Grado de certeza: { $why }
hover-unjudged = No se juzga: esta atribución es { $tier }, y se informan las de grado { $lowest } o superior.

## Por qué una atribución tiene su grado (`figcheck numbers`, el cursor en el editor)

tier-firm = firme
tier-likely = probable
tier-weak = débil
cue-value-off = lejos de todo valor aceptado
cue-words-between = palabras entre la cifra y su sujeto
cue-narrow-time = un día u otro plazo corto acota la cuenta
cue-marks-between = signos de puntuación entre la cifra y su sujeto
cue-number-first = la cifra antes de su sujeto
cue-part = una parte de un total
cue-period = un periodo acotado por un hecho o una persona
cue-running-total = un total acumulado
cue-referred = el sujeto, nombrado en la frase anterior
cue-family = una palabra de la familia del sujeto, no la de la mesa
cue-earlier = el valor anterior de un cambio
cue-dated = ligada a un año o a una fecha
cue-rivals = otras cifras en la cláusula
cue-value-bare = no coincide con ninguno de los valores de la cifra
cue-value-qualified = no coincide con ninguno de los valores de la cifra; matizado, como un recuento en curso
