<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
    <context>
        <name>AxisName</name>
        <message>
            <source>batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>head</source>
            <translation>Kopf</translation>
        </message>
        <message>
            <source>query</source>
            <translation>Query</translation>
        </message>
        <message>
            <source>source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>Merkmal</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Out of memory while computing the trace. Use smaller sizes.</source>
            <translation>Kein Speicher mehr beim Berechnen des Traces. Wählen Sie kleinere Größen.</translation>
        </message>
    </context>
    <context>
        <name>CoreFormula</name>
        <message>
            <source>where</source>
            <translation>wo</translation>
        </message>
        <message>
            <source>if</source>
            <translation>falls</translation>
        </message>
        <message>
            <source>else</source>
            <translation>sonst</translation>
        </message>
        <message>
            <source>not Keras: Keras uses</source>
            <translation>nicht Keras: Keras verwendet</translation>
        </message>
    </context>
    <context>
        <name>CoreText</name>
        <message>
            <source>Received: %1</source>
            <translation>Erhalten: %1</translation>
        </message>
        <message>
            <source>%1 must be a positive integer. Received: %2</source>
            <translation>%1 muss eine positive ganze Zahl sein. Erhalten: %2</translation>
        </message>
        <message>
            <source>%1 must be a positive integer or None. Received: %2</source>
            <translation>%1 muss eine positive ganze Zahl oder None sein. Erhalten: %2</translation>
        </message>
        <message>
            <source>`sliding_window` must be `None` or a positive integer. Received: %1</source>
            <translation>`sliding_window` muss `None` oder eine positive ganze Zahl sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>`num_query_heads` must be divisible by `num_key_value_heads`: with num_query_heads=%1, num_key_value_heads may be %2. Received: %3</source>
            <translation>`num_query_heads` muss durch `num_key_value_heads` teilbar sein: Bei num_query_heads=%1 kann num_key_value_heads %2 sein. Erhalten: %3</translation>
        </message>
        <message>
            <source>GroupQueryAttention has no value_dim or output_shape: values use head_dim and the output has the query's width.</source>
            <translation>GroupQueryAttention hat kein value_dim und kein output_shape: Values verwenden head_dim, und die Ausgabe hat die Breite der Query.</translation>
        </message>
        <message>
            <source>The Transformer sub-layer (Add &amp; LayerNormalization) follows MultiHeadAttention only.</source>
            <translation>Die Transformer-Unterschicht (Add &amp; LayerNormalization) folgt nur auf MultiHeadAttention.</translation>
        </message>
        <message>
            <source>%1 has no use_gate argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 hat kein Argument use_gate; MultiHeadAttention und GroupQueryAttention haben es.</translation>
        </message>
        <message>
            <source>%1 has no sliding_window argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 hat kein Argument sliding_window; MultiHeadAttention und GroupQueryAttention haben es.</translation>
        </message>
        <message>
            <source>dropout must be a rate in [0, 1). Received: %1</source>
            <translation>dropout muss eine Rate in [0, 1) sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>The batch size must be positive. Received: %1</source>
            <translation>Die Batch-Größe muss positiv sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>The query length must be positive. Received: %1</source>
            <translation>Die Query-Länge muss positiv sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>The source length must be positive. Received: %1</source>
            <translation>Die Quelllänge muss positiv sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>The %1 must be a rank-3 tensor %2. Received: %3</source>
            <translation>%1 muss ein Tensor vom Rang 3 sein %2. Erhalten: %3</translation>
        </message>
        <message>
            <source>The %1 must have shape %2 %3. Received: %4</source>
            <translation>%1 muss die Form %2 %3 haben. Erhalten: %4</translation>
        </message>
        <message>
            <source>The %1 is empty: every dimension must be at least 1. Received: %2</source>
            <translation>%1 ist leer: Jede Dimension muss mindestens 1 sein. Erhalten: %2</translation>
        </message>
        <message>
            <source>The value's batch size must match the query's (%1). Received: %2</source>
            <translation>Die Batch-Größe des Value muss der der Query entsprechen (%1). Erhalten: %2</translation>
        </message>
        <message>
            <source>The key's batch size must match the query's (%1). Received: %2</source>
            <translation>Die Batch-Größe des Key muss der der Query entsprechen (%1). Erhalten: %2</translation>
        </message>
        <message>
            <source>key and value must have the same length (source_len = %1). Received: %2</source>
            <translation>key und value müssen dieselbe Länge haben (source_len = %1). Erhalten: %2</translation>
        </message>
        <message>
            <source>There must be one query token per query row (%1). Received: %2</source>
            <translation>Es muss ein Query-Token pro Query-Zeile geben (%1). Erhalten: %2</translation>
        </message>
        <message>
            <source>There must be one source token per value row (%1). Received: %2</source>
            <translation>Es muss ein Quell-Token pro Value-Zeile geben (%1). Erhalten: %2</translation>
        </message>
        <message>
            <source>%1 has no projections, so the query and the %2 must have the same last dimension. Received: %3</source>
            <translation>%1 hat keine Projektionen, also müssen die Query und der %2 dieselbe letzte Dimension haben. Erhalten: %3</translation>
        </message>
        <message>
            <source>value (used as key)</source>
            <translation>Value (als Key verwendet)</translation>
        </message>
        <message>
            <source>The residual Add needs the output width to equal the query width (%1). Received: %2</source>
            <translation>Das residuale Add braucht eine Ausgabebreite gleich der Query-Breite (%1). Erhalten: %2</translation>
        </message>
        <message>
            <source>%1 takes masks [query_mask, value_mask] only; key_mask is a MultiHeadAttention and GroupQueryAttention argument.</source>
            <translation>%1 nimmt nur die Masken [query_mask, value_mask]; key_mask ist ein Argument von MultiHeadAttention und GroupQueryAttention.</translation>
        </message>
        <message>
            <source>%1 has no attention_mask argument; use value_mask and use_causal_mask, or MultiHeadAttention.</source>
            <translation>%1 hat kein Argument attention_mask; verwenden Sie value_mask und use_causal_mask oder MultiHeadAttention.</translation>
        </message>
        <message>
            <source>The attention_mask must have shape (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>Die attention_mask muss die Form (query_len, source_len) = %1, (batch, query_len, source_len) = %2 oder (batch, %3, query_len, source_len) = %4 haben. Erhalten: %5</translation>
        </message>
        <message>
            <source>The attention_mask must have rank 2, 3 or 4: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>Die attention_mask muss Rang 2, 3 oder 4 haben: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 oder (batch, %3, query_len, source_len) = %4. Erhalten: %5</translation>
        </message>
        <message>
            <source>The attention_mask's head axis must be %1 (%2) or 1: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 or (batch, %5, query_len, source_len) = %6. Received: %7</source>
            <translation>Die Kopfachse der attention_mask muss %1 (%2) oder 1 sein: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 oder (batch, %5, query_len, source_len) = %6. Erhalten: %7</translation>
        </message>
        <message>
            <source>This layer's trace would need about %1 of memory, more than the limit of %2. Use smaller sizes (or raise --max-memory).</source>
            <translation>Der Trace dieser Schicht bräuchte etwa %1 Speicher, mehr als die Grenze von %2. Wählen Sie kleinere Größen (oder erhöhen Sie --max-memory).</translation>
        </message>
        <message>
            <source>The weights file has no '%1', which %2 owns with these settings (shape %3).</source>
            <translation>Die Gewichtsdatei hat kein '%1', das %2 mit diesen Einstellungen besitzt (Form %3).</translation>
        </message>
        <message>
            <source>Nothing is initialised when a weights file is given.</source>
            <translation>Wenn eine Gewichtsdatei angegeben ist, wird nichts initialisiert.</translation>
        </message>
        <message>
            <source>Unexpected weight '%1' in the weights for %2 with these settings.</source>
            <translation>Unerwartetes Gewicht '%1' in den Gewichten für %2 mit diesen Einstellungen.</translation>
        </message>
        <message>
            <source>Expected: %1.</source>
            <translation>Erwartet: %1.</translation>
        </message>
        <message>
            <source>no weights</source>
            <translation>keine Gewichte</translation>
        </message>
        <message>
            <source>Weight '%1' must have shape %2. Received: %3</source>
            <translation>Das Gewicht '%1' muss die Form %2 haben. Erhalten: %3</translation>
        </message>
        <message>
            <source>Query input</source>
            <translation>Query-Eingabe</translation>
        </message>
        <message>
            <source>Key input</source>
            <translation>Key-Eingabe</translation>
        </message>
        <message>
            <source>Value input</source>
            <translation>Value-Eingabe</translation>
        </message>
        <message>
            <source>Project queries</source>
            <translation>Queries projizieren</translation>
        </message>
        <message>
            <source>Project keys</source>
            <translation>Keys projizieren</translation>
        </message>
        <message>
            <source>Project values</source>
            <translation>Values projizieren</translation>
        </message>
        <message>
            <source>Scale queries</source>
            <translation>Queries skalieren</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Scores</translation>
        </message>
        <message>
            <source>Mask scores</source>
            <translation>Scores maskieren</translation>
        </message>
        <message>
            <source>Softmax weights</source>
            <translation>Softmax-Gewichte</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>Weighted sum of values</source>
            <translation>Gewichtete Summe der Values</translation>
        </message>
        <message>
            <source>Concatenate heads</source>
            <translation>Köpfe verketten</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Ausgabe</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>Residual (Add)</translation>
        </message>
        <message>
            <source>Layer normalization</source>
            <translation>Layer-Normalisierung</translation>
        </message>
        <message>
            <source>Project the query</source>
            <translation>Die Query projizieren</translation>
        </message>
        <message>
            <source>Project the key</source>
            <translation>Den Key projizieren</translation>
        </message>
        <message>
            <source>Project the value</source>
            <translation>Den Value projizieren</translation>
        </message>
        <message>
            <source>query</source>
            <translation>Query</translation>
        </message>
        <message>
            <source>key</source>
            <translation>Key</translation>
        </message>
        <message>
            <source>value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Repeat the %1 heads</source>
            <translation>Die %1-Köpfe wiederholen</translation>
        </message>
        <message>
            <source>Scale the query by 1/√%1</source>
            <translation>Die Query mit 1/√%1 skalieren</translation>
        </message>
        <message>
            <source>Not Keras: the query left unscaled (no 1/√%1)</source>
            <translation>Nicht Keras: die Query bleibt unskaliert (kein 1/√%1)</translation>
        </message>
        <message>
            <source>Dot-product scores</source>
            <translation>Skalarprodukt-Scores</translation>
        </message>
        <message>
            <source>Dot products</source>
            <translation>Skalarprodukte</translation>
        </message>
        <message>
            <source>Scale the scores</source>
            <translation>Die Scores skalieren</translation>
        </message>
        <message>
            <source>Concat scores: Σ tanh(q + k)</source>
            <translation>Concat-Scores: Σ tanh(q + k)</translation>
        </message>
        <message>
            <source>Additive scores: Σ scale·tanh(q + k)</source>
            <translation>Additive Scores: Σ scale·tanh(q + k)</translation>
        </message>
        <message>
            <source>Mask part: padding</source>
            <translation>Maskenteil: Padding</translation>
        </message>
        <message>
            <source>Mask part: causal</source>
            <translation>Maskenteil: kausal</translation>
        </message>
        <message>
            <source>Mask part: sliding window</source>
            <translation>Maskenteil: gleitendes Fenster</translation>
        </message>
        <message>
            <source>Mask part: attention_mask</source>
            <translation>Maskenteil: attention_mask</translation>
        </message>
        <message>
            <source>The attention mask</source>
            <translation>Die Attention-Maske</translation>
        </message>
        <message>
            <source>The score mask</source>
            <translation>Die Score-Maske</translation>
        </message>
        <message>
            <source>The query mask</source>
            <translation>Die Query-Maske</translation>
        </message>
        <message>
            <source>Apply the mask</source>
            <translation>Die Maske anwenden</translation>
        </message>
        <message>
            <source>Softmax: attention weights</source>
            <translation>Softmax: Attention-Gewichte</translation>
        </message>
        <message>
            <source>Dropout on the weights</source>
            <translation>Dropout auf den Gewichten</translation>
        </message>
        <message>
            <source>The gate</source>
            <translation>Das Gate</translation>
        </message>
        <message>
            <source>Gate the context</source>
            <translation>Den Kontext gaten</translation>
        </message>
        <message>
            <source>Concatenate the heads</source>
            <translation>Die Köpfe verketten</translation>
        </message>
        <message>
            <source>Output projection</source>
            <translation>Ausgabeprojektion</translation>
        </message>
        <message>
            <source>Residual connection (Add)</source>
            <translation>Residualverbindung (Add)</translation>
        </message>
        <message>
            <source>Zero the masked query rows</source>
            <translation>Die maskierten Query-Zeilen auf null setzen</translation>
        </message>
        <message>
            <source>The sequence that asks: one row of features per query position.</source>
            <translation>Die Sequenz, die fragt: eine Zeile mit Merkmalen pro Query-Position.</translation>
        </message>
        <message>
            <source>Each query position will produce one output row.</source>
            <translation>Jede Query-Position erzeugt eine Zeile der Ausgabe.</translation>
        </message>
        <message>
            <source>The sequence that is searched: its projected rows are compared with every query.</source>
            <translation>Die Sequenz, die durchsucht wird: Ihre projizierten Zeilen werden mit jeder Query verglichen.</translation>
        </message>
        <message>
            <source>The sequence whose (projected) rows are mixed into the output.</source>
            <translation>Die Sequenz, deren (projizierte) Zeilen in die Ausgabe gemischt werden.</translation>
        </message>
        <message>
            <source>No key was given, so Keras uses the value as the key too (key := value).</source>
            <translation>Es wurde kein Key angegeben, also nimmt Keras den Value auch als Key (key := value).</translation>
        </message>
        <message>
            <source>The sequence that is attended to.</source>
            <translation>Die Sequenz, auf die geachtet wird.</translation>
        </message>
        <message>
            <source>The sequence that asks.</source>
            <translation>Die Sequenz, die fragt.</translation>
        </message>
        <message>
            <source>These layers have no projections: the query is compared with the keys exactly as given, so query and key need the same width.</source>
            <translation>Diese Schichten haben keine Projektionen: Die Query wird genau so, wie sie gegeben ist, mit den Keys verglichen, also brauchen Query und Key dieselbe Breite.</translation>
        </message>
        <message>
            <source>The sequence compared with every query.</source>
            <translation>Die Sequenz, die mit jeder Query verglichen wird.</translation>
        </message>
        <message>
            <source>The rows that are mixed into the output.</source>
            <translation>Die Zeilen, die in die Ausgabe gemischt werden.</translation>
        </message>
        <message>
            <source>No key was given, so the value is also the key (key := value).</source>
            <translation>Es wurde kein Key angegeben, also ist der Value auch der Key (key := value).</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to N heads of key_dim numbers each.</source>
            <translation>Eine EinsumDense-Schicht bildet jeden Query-Vektor auf N Köpfe mit je key_dim Zahlen ab.</translation>
        </message>
        <message>
            <source>Each head gets its own slice of the kernel, so the heads can learn to look for different things.</source>
            <translation>Jeder Kopf bekommt seinen eigenen Ausschnitt des Kernels, so können die Köpfe lernen, nach Verschiedenem zu suchen.</translation>
        </message>
        <message>
            <source>The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, in the same space as the projected queries so they can be compared.</source>
            <translation>Dieselbe Art Projektion für die Keys: Jede Quellposition wird zu N Köpfen mit je key_dim Zahlen, im selben Raum wie die projizierten Queries, damit man sie vergleichen kann.</translation>
        </message>
        <message>
            <source>The values are projected to N heads of value_dim numbers.</source>
            <translation>Die Values werden auf N Köpfe mit je value_dim Zahlen projiziert.</translation>
        </message>
        <message>
            <source>These are what gets mixed: attention decides how much of each source position's value flows to each query.</source>
            <translation>Sie sind es, was gemischt wird: Die Attention entscheidet, wie viel vom Value jeder Quellposition zu jeder Query fließt.</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to %1 query heads of head_dim = %2 numbers each; each head has its own slice of the kernel.</source>
            <translation>Eine EinsumDense-Schicht bildet jeden Query-Vektor auf %1 Query-Köpfe mit je head_dim = %2 Zahlen ab; jeder Kopf hat seinen eigenen Ausschnitt des Kernels.</translation>
        </message>
        <message>
            <source>The keys get only num_key_value_heads = %1 heads (not %2): that is the point of grouped-query attention.</source>
            <translation>Die Keys bekommen nur num_key_value_heads = %1 Köpfe (nicht %2): Das ist der Sinn der Grouped-Query-Attention.</translation>
        </message>
        <message>
            <source>Fewer key heads mean a smaller kernel and a smaller key cache when generating text.</source>
            <translation>Weniger Key-Köpfe bedeuten einen kleineren Kernel und einen kleineren Key-Cache beim Generieren von Text.</translation>
        </message>
        <message>
            <source>The values, like the keys, get %1 heads of head_dim numbers.</source>
            <translation>Die Values bekommen wie die Keys %1 Köpfe mit je head_dim Zahlen.</translation>
        </message>
        <message>
            <source>Each one will be shared by a group of %1 query heads.</source>
            <translation>Jeder davon wird von einer Gruppe aus %1 Query-Köpfen geteilt.</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis, so there is one per query head: query head n reads %4 head n // %5 (heads 0..%6 read head 0, and so on).</source>
            <translation>ops.repeat kopiert jeden der %1 %2-Köpfe %3-mal entlang der Kopfachse, sodass es einen pro Query-Kopf gibt: Query-Kopf n liest %4-Kopf n // %5 (die Köpfe 0..%6 lesen Kopf 0 und so weiter).</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share one key and one value head); in between, each group of query heads shares one.</source>
            <translation>num_key_value_heads = num_query_heads ist gewöhnliche Multi-Head-Attention (jeder Query-Kopf hat seinen eigenen Key- und Value-Kopf); num_key_value_heads = 1 ist Multi-Query-Attention (MQA: alle Query-Köpfe teilen sich einen Key- und einen Value-Kopf); dazwischen teilt sich jede Gruppe von Query-Köpfen einen.</translation>
        </message>
        <message>
            <source>Here Nkv = Nq = %1: multi-head attention.</source>
            <translation>Hier ist Nkv = Nq = %1: Multi-Head-Attention.</translation>
        </message>
        <message>
            <source>Here Nkv = 1: multi-query attention.</source>
            <translation>Hier ist Nkv = 1: Multi-Query-Attention.</translation>
        </message>
        <message>
            <source>Here %1 query heads form %2 groups of %3.</source>
            <translation>Hier bilden %1 Query-Köpfe %2 Gruppen zu je %3.</translation>
        </message>
        <message>
            <source>Here the key and value projections have %1 parameters instead of %2 for %3 key/value heads, and a KV cache holds %4 numbers per token instead of %5 (%6 KiB instead of %7 KiB in float32, per token and layer): %8 % less.</source>
            <translation>Hier haben die Key- und Value-Projektionen %1 Parameter statt %2 bei %3 Key/Value-Köpfen, und ein KV-Cache hält %4 Zahlen pro Token statt %5 (%6 KiB statt %7 KiB in float32, pro Token und Schicht): %8 % weniger.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√key_dim before the dot product, so that scores do not grow with key_dim and the softmax does not saturate.</source>
            <translation>Keras multipliziert die projizierte Query vor dem Skalarprodukt mit 1/√key_dim, damit die Scores nicht mit key_dim wachsen und die Softmax nicht sättigt.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√head_dim before the dot product, so that scores do not grow with head_dim and the softmax does not saturate.</source>
            <translation>Keras multipliziert die projizierte Query vor dem Skalarprodukt mit 1/√head_dim, damit die Scores nicht mit head_dim wachsen und die Softmax nicht sättigt.</translation>
        </message>
        <message>
            <source>Note: it is key_dim, not the query width divided by the number of heads.</source>
            <translation>Achtung: Es ist key_dim, nicht die Query-Breite geteilt durch die Anzahl der Köpfe.</translation>
        </message>
        <message>
            <source>NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected query by 1/√%1 = %2 here; this trace multiplies by 1, so the scores are the raw q·k, they grow like √%3 and the softmax saturates.</source>
            <translation>NICHT KERAS — ein Was-wäre-wenn aus dem 1/√dₖ-Labor: Keras multipliziert die projizierte Query hier mit 1/√%1 = %2; dieser Trace multipliziert mit 1, die Scores sind also das rohe q·k, sie wachsen wie √%3 und die Softmax sättigt.</translation>
        </message>
        <message>
            <source>For every head, each scaled query is compared with every key by a dot product.</source>
            <translation>In jedem Kopf wird jede skalierte Query per Skalarprodukt mit jedem Key verglichen.</translation>
        </message>
        <message>
            <source>A large score means 'this source position matches what this query looks for'.</source>
            <translation>Ein großer Score bedeutet: „Diese Quellposition passt zu dem, was diese Query sucht.“</translation>
        </message>
        <message>
            <source>These are raw logits, before any mask.</source>
            <translation>Das sind rohe Logits, vor jeder Maske.</translation>
        </message>
        <message>
            <source>Query heads of the same group compare against the same (repeated) key head.</source>
            <translation>Query-Köpfe derselben Gruppe vergleichen mit demselben (wiederholten) Key-Kopf.</translation>
        </message>
        <message>
            <source>Each query is compared with every key by a plain dot product.</source>
            <translation>Jede Query wird per einfachem Skalarprodukt mit jedem Key verglichen.</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention there is no 1/√d factor and no projection.</source>
            <translation>Anders als bei MultiHeadAttention gibt es keinen Faktor 1/√d und keine Projektion.</translation>
        </message>
        <message>
            <source>A large score means this key matches this query.</source>
            <translation>Ein großer Score bedeutet, dass dieser Key zu dieser Query passt.</translation>
        </message>
        <message>
            <source>With use_scale=True, Attention learns one scalar that multiplies every score (initialised to 1).</source>
            <translation>Mit use_scale=True lernt Attention einen Skalar, der jeden Score multipliziert (mit 1 initialisiert).</translation>
        </message>
        <message>
            <source>It plays the role of a learned temperature.</source>
            <translation>Er spielt die Rolle einer gelernten Temperatur.</translation>
        </message>
        <message>
            <source>score_mode="concat": each query is added to each key feature by feature, squashed by tanh and summed, then multiplied by one learned scalar (concat_score_weight).</source>
            <translation>score_mode="concat": Jede Query wird Merkmal für Merkmal zu jedem Key addiert, durch tanh gestaucht und summiert, dann mit einem gelernten Skalar (concat_score_weight) multipliziert.</translation>
        </message>
        <message>
            <source>The scalar scale multiplies q + k inside the tanh.</source>
            <translation>Der Skalar scale multipliziert q + k innerhalb des tanh.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features.</source>
            <translation>Nach Bahdanau: Jede Query wird Merkmal für Merkmal zu jedem Key addiert und durch tanh gestaucht, dann über die Merkmale summiert.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features, each feature weighted by the learned vector scale (outside the tanh).</source>
            <translation>Nach Bahdanau: Jede Query wird Merkmal für Merkmal zu jedem Key addiert und durch tanh gestaucht, dann über die Merkmale summiert, jedes Merkmal gewichtet mit dem gelernten Vektor scale (außerhalb des tanh).</translation>
        </message>
        <message>
            <source>Keras adds the inputs directly: there are no W₁q + W₂k projections as in the paper.</source>
            <translation>Keras addiert die Eingaben direkt: Es gibt keine Projektionen W₁q + W₂k wie im Paper.</translation>
        </message>
        <message>
            <source>The padding masks (%1), broadcast to one boolean per (query, source) pair: 0 where a query row or a source column is padding.</source>
            <translation>Die Padding-Masken (%1), auf einen Wahrheitswert pro (Query, Quelle)-Paar gebroadcastet: 0, wo eine Query-Zeile oder eine Quellspalte Padding ist.</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask)</source>
            <translation>query_mask (die Keras-Maske der Query)</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask) &amp; %1</source>
            <translation>query_mask (die Keras-Maske der Query) &amp; %1</translation>
        </message>
        <message>
            <source>use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left corner, also when query and source lengths differ).</source>
            <translation>use_causal_mask=True: Query t darf nur Quellpositionen s ≤ t sehen (von der linken oberen Ecke gezählt, auch wenn Query- und Quelllänge verschieden sind).</translation>
        </message>
        <message>
            <source>sliding_window=%1 keeps the band |t − s| &lt; %2: each query sees at most %3 positions on either side of its own.</source>
            <translation>sliding_window=%1 behält das Band |t − s| &lt; %2: Jede Query sieht höchstens %3 Positionen zu beiden Seiten der eigenen.</translation>
        </message>
        <message>
            <source>AND-ed with the causal mask it is the causal band Mistral uses: each position sees itself and the %1 before it.</source>
            <translation>Mit der kausalen Maske UND-verknüpft ist es das kausale Band, das Mistral verwendet: Jede Position sieht sich selbst und die %1 davor.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), one mask per head.</source>
            <translation>Die angegebene attention_mask, nach bool umgewandelt (ungleich null ist True), eine Maske pro Kopf.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every batch row and head.</source>
            <translation>Die angegebene attention_mask, nach bool umgewandelt (ungleich null ist True), dieselbe für jede Batch-Zeile und jeden Kopf.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every head.</source>
            <translation>Die angegebene attention_mask, nach bool umgewandelt (ungleich null ist True), dieselbe für jeden Kopf.</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, one per head (the attention_mask has a head axis); 1 means 'may attend'.</source>
            <translation>Keras verknüpft alle Maskenquellen per UND zu einem Wahrheitswert pro (Query, Quelle)-Paar, einem pro Kopf (die attention_mask hat eine Kopfachse); 1 bedeutet „darf beachten“.</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, shared by all heads; 1 means 'may attend'.</source>
            <translation>Keras verknüpft alle Maskenquellen per UND zu einem Wahrheitswert pro (Query, Quelle)-Paar, den alle Köpfe teilen; 1 bedeutet „darf beachten“.</translation>
        </message>
        <message>
            <source>Sources here: %1.</source>
            <translation>Quellen hier: %1.</translation>
        </message>
        <message>
            <source>Each source is also a step of its own, so you can see which one removed a cell.</source>
            <translation>Jede Quelle ist auch ein eigener Schritt, so sehen Sie, welche eine Zelle entfernt hat.</translation>
        </message>
        <message>
            <source>A query-mask row that is all 0 becomes a fully masked row.</source>
            <translation>Eine Zeile der Query-Maske, die ganz 0 ist, wird zu einer vollständig maskierten Zeile.</translation>
        </message>
        <message>
            <source>The attention_mask is the only source, so GroupQueryAttention hands it to Softmax as it is, and Softmax keeps the values &gt; 0.5.</source>
            <translation>Die attention_mask ist die einzige Quelle, also gibt GroupQueryAttention sie unverändert an Softmax weiter, und Softmax behält die Werte &gt; 0.5.</translation>
        </message>
        <message>
            <source>1 means 'this query may attend to this key'.</source>
            <translation>1 bedeutet „diese Query darf diesen Key beachten“.</translation>
        </message>
        <message>
            <source>Built from %1.</source>
            <translation>Gebildet aus %1.</translation>
        </message>
        <message>
            <source>the causal mask (row ≥ column)</source>
            <translation>der kausalen Maske (Zeile ≥ Spalte)</translation>
        </message>
        <message>
            <source>value_mask AND the causal mask (row ≥ column)</source>
            <translation>value_mask UND der kausalen Maske (Zeile ≥ Spalte)</translation>
        </message>
        <message>
            <source>The query mask is not part of it: Attention uses the query mask only to zero output rows at the end.</source>
            <translation>Die Query-Maske gehört nicht dazu: Attention verwendet die Query-Maske nur, um am Ende Ausgabezeilen auf null zu setzen.</translation>
        </message>
        <message>
            <source>1 for real query tokens, 0 for padding.</source>
            <translation>1 für echte Query-Tokens, 0 für Padding.</translation>
        </message>
        <message>
            <source>Attention applies it only here, at the end.</source>
            <translation>Attention wendet sie nur hier an, am Ende.</translation>
        </message>
        <message>
            <source>Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their weight is 0.</source>
            <translation>Scores, bei denen die Maske 0 ist, werden durch −10⁹ ersetzt, damit ihr Gewicht nach der Softmax 0 ist.</translation>
        </message>
        <message>
            <source>Keras replaces the value (it does not subtract), inside its Softmax layer.</source>
            <translation>Keras ersetzt den Wert (es zieht nichts ab), innerhalb seiner Softmax-Schicht.</translation>
        </message>
        <message>
            <source>Keras subtracts 10⁹ from masked scores (it does not replace them).</source>
            <translation>Keras zieht von maskierten Scores 10⁹ ab (es ersetzt sie nicht).</translation>
        </message>
        <message>
            <source>In float32 this rounds to −10⁹ for small scores, so a row with every key masked comes out uniform over all keys, masked ones included.</source>
            <translation>In float32 rundet das bei kleinen Scores auf −10⁹, also ergibt eine Zeile, in der jeder Key maskiert ist, eine Gleichverteilung über alle Keys, die maskierten eingeschlossen.</translation>
        </message>
        <message>
            <source>Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how much each source position contributes to this query, per head.</source>
            <translation>Die Softmax entlang der Quellachse macht aus jeder Zeile Scores Gewichte, die ≥ 0 sind und sich zu 1 summieren: wie viel jede Quellposition zu dieser Query beiträgt, pro Kopf.</translation>
        </message>
        <message>
            <source>This is what Keras returns with return_attention_scores=True.</source>
            <translation>Das gibt Keras mit return_attention_scores=True zurück.</translation>
        </message>
        <message>
            <source>Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 (Keras ≥ 3.14; the fused path without scores would give a uniform row instead).</source>
            <translation>Maskierte Positionen werden danach auf genau 0 gesetzt, eine vollständig maskierte Zeile ist also ganz 0 (Keras ≥ 3.14; der fusionierte Weg ohne Scores ergäbe stattdessen eine gleichverteilte Zeile).</translation>
        </message>
        <message>
            <source>Here %1 (head, query) rows are fully masked.</source>
            <translation>Hier sind %1 (Kopf, Query)-Zeilen vollständig maskiert.</translation>
        </message>
        <message>
            <source>Softmax over the keys turns each row of scores into weights ≥ 0 that sum to 1: the share of each value row in this query's output.</source>
            <translation>Die Softmax über die Keys macht aus jeder Zeile Scores Gewichte ≥ 0, die sich zu 1 summieren: der Anteil jeder Value-Zeile an der Ausgabe dieser Query.</translation>
        </message>
        <message>
            <source>In training, each weight is set to 0 with probability %1 and the kept ones are divided by 1 − rate, so each row still sums to 1 on average.</source>
            <translation>Im Training wird jedes Gewicht mit Wahrscheinlichkeit %1 auf 0 gesetzt, und die behaltenen werden durch 1 − rate geteilt, sodass jede Zeile im Mittel weiter 1 ergibt.</translation>
        </message>
        <message>
            <source>Keras returns the weights from before dropout (with return_attention_scores=True).</source>
            <translation>Keras gibt die Gewichte von vor dem Dropout zurück (mit return_attention_scores=True).</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention, Attention returns these post-dropout weights.</source>
            <translation>Anders als MultiHeadAttention gibt Attention diese Gewichte nach dem Dropout zurück.</translation>
        </message>
        <message>
            <source>Each head mixes the projected values with its weights: a query's context is the weighted average of the value rows it attends to.</source>
            <translation>Jeder Kopf mischt die projizierten Values mit seinen Gewichten: Der Kontext einer Query ist der gewichtete Mittelwert der Value-Zeilen, die sie beachtet.</translation>
        </message>
        <message>
            <source>One result per head.</source>
            <translation>Ein Ergebnis pro Kopf.</translation>
        </message>
        <message>
            <source>Query heads of one group mix the same (repeated) value head, each with its own weights.</source>
            <translation>Query-Köpfe einer Gruppe mischen denselben (wiederholten) Value-Kopf, jeder mit seinen eigenen Gewichten.</translation>
        </message>
        <message>
            <source>Each output row is the weighted average of the value rows, with this query's weights.</source>
            <translation>Jede Ausgabezeile ist der gewichtete Mittelwert der Value-Zeilen, mit den Gewichten dieser Query.</translation>
        </message>
        <message>
            <source>Rows of padding queries are multiplied by 0.</source>
            <translation>Zeilen von Padding-Queries werden mit 0 multipliziert.</translation>
        </message>
        <message>
            <source>Their weights were computed normally (and Keras returns them unchanged); only the output row is zeroed.</source>
            <translation>Ihre Gewichte wurden normal berechnet (und Keras gibt sie unverändert zurück); nur die Ausgabezeile wird auf null gesetzt.</translation>
        </message>
        <message>
            <source>use_gate=True adds one more EinsumDense on the query input, with a sigmoid: a number between 0 and 1 for every query, head and channel.</source>
            <translation>use_gate=True fügt auf der Query-Eingabe eine weitere EinsumDense mit Sigmoid hinzu: eine Zahl zwischen 0 und 1 für jede Query, jeden Kopf und jeden Kanal.</translation>
        </message>
        <message>
            <source>It decides how much of each head's context passes on (Qiu et al., 2025, "Gated Attention for Large Language Models": a head can output almost nothing when it has nothing to add, instead of dumping its weight on one 'attention sink' token).</source>
            <translation>Sie entscheidet, wie viel vom Kontext jedes Kopfs weitergeht (Qiu et al., 2025, „Gated Attention for Large Language Models“: Ein Kopf kann fast nichts ausgeben, wenn er nichts beizutragen hat, statt sein Gewicht auf einem „Attention-Sink“-Token abzuladen).</translation>
        </message>
        <message>
            <source>Each head's context is multiplied element by element by its gate: where the gate is near 0 that channel is silenced, near 1 it passes unchanged.</source>
            <translation>Der Kontext jedes Kopfs wird elementweise mit seinem Gate multipliziert: Wo das Gate nahe 0 ist, wird der Kanal stummgeschaltet, nahe 1 geht er unverändert durch.</translation>
        </message>
        <message>
            <source>The output projection reads this instead of the context.</source>
            <translation>Die Ausgabeprojektion liest dies statt des Kontexts.</translation>
        </message>
        <message>
            <source>The paper writes Concat(head₁, …, head_N): the heads side by side, N·%1 numbers per query.</source>
            <translation>Das Paper schreibt Concat(head₁, …, head_N): die Köpfe nebeneinander, N·%1 Zahlen pro Query.</translation>
        </message>
        <message>
            <source>Keras never builds this tensor; its output EinsumDense contracts the head and %1 axes at once, which is the same computation.</source>
            <translation>Keras baut diesen Tensor nie; seine Ausgabe-EinsumDense kontrahiert die Achsen head und %1 auf einmal, was dieselbe Rechnung ist.</translation>
        </message>
        <message>
            <source>The output EinsumDense mixes all heads back into one vector per query, of the output width (%1).</source>
            <translation>Die Ausgabe-EinsumDense mischt alle Köpfe wieder zu einem Vektor pro Query, in der Ausgabebreite (%1).</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is just the bias b_o.</source>
            <translation>Eine vollständig maskierte Query-Zeile hat den Kontext null, ihre Ausgabe ist also nur der Bias b_o.</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is 0.</source>
            <translation>Eine vollständig maskierte Query-Zeile hat den Kontext null, ihre Ausgabe ist also 0.</translation>
        </message>
        <message>
            <source>The Transformer adds the layer's input back to its output, so the attention layer only has to learn a correction and gradients flow straight through.</source>
            <translation>Der Transformer addiert die Eingabe der Schicht wieder auf ihre Ausgabe, sodass die Attention-Schicht nur eine Korrektur lernen muss und Gradienten direkt durchfließen.</translation>
        </message>
        <message>
            <source>Each position's vector is shifted to mean 0 and scaled to variance 1 over its features (ε = 0.001), then scaled by γ and shifted by β.</source>
            <translation>Der Vektor jeder Position wird über seine Merkmale auf Mittelwert 0 verschoben und auf Varianz 1 skaliert (ε = 0.001), dann mit γ skaliert und um β verschoben.</translation>
        </message>
        <message>
            <source>It keeps the numbers in a stable range from layer to layer.</source>
            <translation>So bleiben die Zahlen von Schicht zu Schicht in einem stabilen Bereich.</translation>
        </message>
        <message>
            <source>query width = key width = d</source>
            <translation>Query-Breite = Key-Breite = d</translation>
        </message>
        <message>
            <source>query width = key width</source>
            <translation>Query-Breite = Key-Breite</translation>
        </message>
        <message>
            <source>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ Attention(use_scale=True) with scale = 1/√d</source>
            <translation>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, Identitäts-Projektionen) ≡ Attention(use_scale=True) mit scale = 1/√d</translation>
        </message>
        <message>
            <source>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</source>
            <translation>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True) as Keras builds it ≡ Attention()</source>
            <translation>Attention(use_scale=True), wie Keras es baut ≡ Attention()</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</source>
            <translation>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads=1), multi-query ≡ MultiHeadAttention whose heads share one key and value projection</source>
            <translation>GroupQueryAttention(num_key_value_heads=1), Multi-Query ≡ MultiHeadAttention, deren Köpfe sich eine Key- und Value-Projektion teilen</translation>
        </message>
        <message>
            <source>one head: num_heads=1</source>
            <translation>ein Kopf: num_heads=1</translation>
        </message>
        <message>
            <source>num_heads=2, both heads the same: the output is their sum</source>
            <translation>num_heads=2, beide Köpfe gleich: Die Ausgabe ist ihre Summe</translation>
        </message>
        <message>
            <source>key_dim = the query width, value_dim = the value width</source>
            <translation>key_dim = die Query-Breite, value_dim = die Value-Breite</translation>
        </message>
        <message>
            <source>key_dim and value_dim halved: the projections keep only the first half of the features</source>
            <translation>key_dim und value_dim halbiert: Die Projektionen behalten nur die erste Hälfte der Merkmale</translation>
        </message>
        <message>
            <source>identity query/key/value kernels (EinsumDense)</source>
            <translation>Einheitsmatrizen als Query/Key/Value-Kernel (EinsumDense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernels from the seed</source>
            <translation>glorot_uniform-Kernel von Keras aus dem Seed</translation>
        </message>
        <message>
            <source>identity output kernel (output_dense)</source>
            <translation>Einheitsmatrix als Ausgabe-Kernel (output_dense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernel from the seed</source>
            <translation>glorot_uniform-Kernel von Keras aus dem Seed</translation>
        </message>
        <message>
            <source>no bias: use_bias=False</source>
            <translation>kein Bias: use_bias=False</translation>
        </message>
        <message>
            <source>use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, which would change nothing)</source>
            <translation>use_bias=True mit wie trainiert aussehenden Biases N(0, 0.5²) (Keras beginnt Biases mit 0, was nichts ändern würde)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), scale = 1/√key_dim (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), scale = 1/√key_dim (Keras beginnt mit 1)</translation>
        </message>
        <message>
            <source>Attention(use_scale=False): Luong's dot product, no 1/√dₖ</source>
            <translation>Attention(use_scale=False): Luongs Skalarprodukt, kein 1/√dₖ</translation>
        </message>
        <message>
            <source>use_scale=False on both layers</source>
            <translation>use_scale=False in beiden Schichten</translation>
        </message>
        <message>
            <source>use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, AdditiveAttention's glorot vector outside it</source>
            <translation>use_scale=True in beiden, Anfangswerte von Keras: der Skalar 1 von Attention innerhalb des tanh, der Glorot-Vektor von AdditiveAttention außerhalb</translation>
        </message>
        <message>
            <source>concat_score_weight = 1 (Keras' initial value)</source>
            <translation>concat_score_weight = 1 (Anfangswert von Keras)</translation>
        </message>
        <message>
            <source>concat_score_weight = 2, as after training</source>
            <translation>concat_score_weight = 2, wie nach dem Training</translation>
        </message>
        <message>
            <source>scale = 1, its Keras initial value (only training changes it)</source>
            <translation>scale = 1, sein Anfangswert in Keras (nur Training ändert ihn)</translation>
        </message>
        <message>
            <source>scale = 2, as after training</source>
            <translation>scale = 2, wie nach dem Training</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads</source>
            <translation>num_key_value_heads = num_query_heads</translation>
        </message>
        <message>
            <source>num_key_value_heads = 1 (multi-query): every query head reads head 0's keys and values</source>
            <translation>num_key_value_heads = 1 (Multi-Query): Jeder Query-Kopf liest Keys und Values von Kopf 0</translation>
        </message>
        <message>
            <source>the same kernels and biases in both layers</source>
            <translation>dieselben Kernel und Biases in beiden Schichten</translation>
        </message>
        <message>
            <source>GroupQueryAttention initialised from its own seed (seed + 1)</source>
            <translation>GroupQueryAttention aus eigenem Seed initialisiert (seed + 1)</translation>
        </message>
        <message>
            <source>MultiHeadAttention's key/value kernels and biases are head 0's in every head</source>
            <translation>Die Key/Value-Kernel und -Biases von MultiHeadAttention sind in jedem Kopf die von Kopf 0</translation>
        </message>
        <message>
            <source>MultiHeadAttention keeps its own key/value kernels per head</source>
            <translation>MultiHeadAttention behält eigene Key/Value-Kernel pro Kopf</translation>
        </message>
        <message>
            <source>the same query, output and head-0 key/value weights in both</source>
            <translation>dieselben Query-, Ausgabe- und Kopf-0-Key/Value-Gewichte in beiden</translation>
        </message>
        <message>
            <source>your layer, %1, is not one of the two sides</source>
            <translation>Ihre Schicht, %1, ist keine der beiden Seiten</translation>
        </message>
        <message>
            <source>value_dim = %1, not key_dim = %2 (GroupQueryAttention has one head_dim)</source>
            <translation>value_dim = %1, nicht key_dim = %2 (GroupQueryAttention hat ein head_dim)</translation>
        </message>
        <message>
            <source>sliding_window=%1 (Attention has no sliding window)</source>
            <translation>sliding_window=%1 (Attention hat kein gleitendes Fenster)</translation>
        </message>
        <message>
            <source>use_gate=True (Attention has no gate)</source>
            <translation>use_gate=True (Attention hat kein Gate)</translation>
        </message>
        <message>
            <source>the Transformer sub-layer (Add &amp; LayerNormalization) is on</source>
            <translation>die Transformer-Unterschicht (Add &amp; LayerNormalization) ist an</translation>
        </message>
        <message>
            <source>a key_mask or attention_mask (Attention takes neither)</source>
            <translation>eine key_mask oder attention_mask (Attention nimmt keine von beiden)</translation>
        </message>
        <message>
            <source>num_heads = %1, not 1</source>
            <translation>num_heads = %1, nicht 1</translation>
        </message>
        <message>
            <source>key_dim = %1, not the query width %2</source>
            <translation>key_dim = %1, nicht die Query-Breite %2</translation>
        </message>
        <message>
            <source>value_dim = %1, not the value width %2</source>
            <translation>value_dim = %1, nicht die Value-Breite %2</translation>
        </message>
        <message>
            <source>the output width is %1, Attention's is the value width %2</source>
            <translation>die Ausgabebreite ist %1, die von Attention ist die Value-Breite %2</translation>
        </message>
        <message>
            <source>the query/key/value kernels are not identity matrices</source>
            <translation>die Query/Key/Value-Kernel sind keine Einheitsmatrizen</translation>
        </message>
        <message>
            <source>the output kernel is not an identity matrix</source>
            <translation>der Ausgabe-Kernel ist keine Einheitsmatrix</translation>
        </message>
        <message>
            <source>use_bias=True</source>
            <translation>use_bias=True</translation>
        </message>
        <message>
            <source>use_scale=True</source>
            <translation>use_scale=True</translation>
        </message>
        <message>
            <source>use_scale=False: no scale, the identity needs 1/√%1 = %2</source>
            <translation>use_scale=False: kein scale, die Identität braucht 1/√%1 = %2</translation>
        </message>
        <message>
            <source>scale = %1 (Keras' start), not 1/√%2 = %3</source>
            <translation>scale = %1 (Startwert von Keras), nicht 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1/√%2 = %3</source>
            <translation>scale = %1, nicht 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1</source>
            <translation>scale = %1, nicht 1</translation>
        </message>
        <message>
            <source>concat_score_weight = %1, not 1</source>
            <translation>concat_score_weight = %1, nicht 1</translation>
        </message>
        <message>
            <source>use_scale=True (AdditiveAttention's default)</source>
            <translation>use_scale=True (Standard von AdditiveAttention)</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not num_query_heads = %2</source>
            <translation>num_key_value_heads = %1, nicht num_query_heads = %2</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not 1</source>
            <translation>num_key_value_heads = %1, nicht 1</translation>
        </message>
        <message>
            <source>each of the %1 heads has its own key/value kernels</source>
            <translation>jeder der %1 Köpfe hat eigene Key/Value-Kernel</translation>
        </message>
        <message>
            <source>not met: the query has %1 features, the key %2</source>
            <translation>nicht erfüllt: Die Query hat %1 Merkmale, der Key %2</translation>
        </message>
        <message>
            <source>the query has %1 features, the key %2</source>
            <translation>die Query hat %1 Merkmale, der Key %2</translation>
        </message>
        <message>
            <source>weights and output, both sides built with every condition on these inputs</source>
            <translation>Gewichte und Ausgabe, beide Seiten mit allen Bedingungen auf diesen Eingaben gebaut</translation>
        </message>
        <message>
            <source>fully masked rows left out: %1 (the layers differ there by design)</source>
            <translation>vollständig maskierte Zeilen ausgelassen: %1 (dort unterscheiden sich die Schichten absichtlich)</translation>
        </message>
        <message>
            <source>Here the query has %1 features and the key %2.</source>
            <translation>Hier hat die Query %1 Merkmale und der Key %2.</translation>
        </message>
        <message>
            <source>Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same width.</source>
            <translation>Attention und AdditiveAttention addieren oder multiplizieren Query und Key Merkmal für Merkmal, also brauchen sie dieselbe Breite.</translation>
        </message>
        <message>
            <source>MultiHeadAttention projects both to key_dim, so it has no such limit.</source>
            <translation>MultiHeadAttention projiziert beide auf key_dim und hat daher keine solche Grenze.</translation>
        </message>
        <message>
            <source>GroupQueryAttention has one head_dim for queries, keys and values; this MultiHeadAttention has key_dim=%1 and value_dim=%2.</source>
            <translation>GroupQueryAttention hat ein head_dim für Queries, Keys und Values; diese MultiHeadAttention hat key_dim=%1 und value_dim=%2.</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), what-if: scale set to 1/√%1 (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), Was-wäre-wenn: scale auf 1/√%1 gesetzt (Keras beginnt mit 1)</translation>
        </message>
        <message>
            <source>Gradient of %1</source>
            <translation>Gradient von %1</translation>
        </message>
        <message>
            <source>Backward through the layer norm</source>
            <translation>Rückwärts durch die Layer-Norm</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the output</source>
            <translation>Gradient des Verlusts nach der Ausgabe</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the layer norm</source>
            <translation>Gradient des Verlusts nach der Layer-Norm</translation>
        </message>
        <message>
            <source>Gradient of the attention output</source>
            <translation>Gradient der Attention-Ausgabe</translation>
        </message>
        <message>
            <source>Gradient of the context</source>
            <translation>Gradient des Kontexts</translation>
        </message>
        <message>
            <source>Gradient of the gated context</source>
            <translation>Gradient des gegateten Kontexts</translation>
        </message>
        <message>
            <source>Gradient of the gate</source>
            <translation>Gradient des Gates</translation>
        </message>
        <message>
            <source>Gradient of the dropped-out weights</source>
            <translation>Gradient der Gewichte nach Dropout</translation>
        </message>
        <message>
            <source>Gradient of the key input</source>
            <translation>Gradient der Key-Eingabe</translation>
        </message>
        <message>
            <source>Gradient of the query input</source>
            <translation>Gradient der Query-Eingabe</translation>
        </message>
        <message>
            <source>Gradient of the value input</source>
            <translation>Gradient der Value-Eingabe</translation>
        </message>
        <message>
            <source>Gradient of the projected keys</source>
            <translation>Gradient der projizierten Keys</translation>
        </message>
        <message>
            <source>Gradient of the projected keys (groups summed)</source>
            <translation>Gradient der projizierten Keys (Gruppen summiert)</translation>
        </message>
        <message>
            <source>Gradient of the projected query</source>
            <translation>Gradient der projizierten Query</translation>
        </message>
        <message>
            <source>Gradient of the projected values</source>
            <translation>Gradient der projizierten Values</translation>
        </message>
        <message>
            <source>Gradient of the projected values (groups summed)</source>
            <translation>Gradient der projizierten Values (Gruppen summiert)</translation>
        </message>
        <message>
            <source>Gradient of the repeated keys</source>
            <translation>Gradient der wiederholten Keys</translation>
        </message>
        <message>
            <source>Gradient of the repeated values</source>
            <translation>Gradient der wiederholten Values</translation>
        </message>
        <message>
            <source>Gradient of the scaled query</source>
            <translation>Gradient der skalierten Query</translation>
        </message>
        <message>
            <source>Gradient of the scores (softmax backward)</source>
            <translation>Gradient der Scores (Softmax rückwärts)</translation>
        </message>
        <message>
            <source>Gradient of the weighted sum (query mask applied)</source>
            <translation>Gradient der gewichteten Summe (Query-Maske angewandt)</translation>
        </message>
        <message>
            <source>Gradient of the weights</source>
            <translation>Gradient der Gewichte</translation>
        </message>
        <message>
            <source>Gradient of the weights (through dropout)</source>
            <translation>Gradient der Gewichte (durch Dropout)</translation>
        </message>
        <message>
            <source>Gradient of the dot products</source>
            <translation>Gradient der Skalarprodukte</translation>
        </message>
        <message>
            <source>Gradient of scale (per feature)</source>
            <translation>Gradient von scale (pro Merkmal)</translation>
        </message>
        <message>
            <source>Gradient of β (layer norm shift)</source>
            <translation>Gradient von β (Verschiebung der Layer-Norm)</translation>
        </message>
        <message>
            <source>Gradient of γ (layer norm scale)</source>
            <translation>Gradient von γ (Skalierung der Layer-Norm)</translation>
        </message>
    </context>
    <context>
        <name>HandoutPrinter</name>
        <message>
            <source>No lesson is open.</source>
            <translation>Keine Lektion ist offen.</translation>
        </message>
        <message>
            <source>Worksheet — %1</source>
            <translation>Arbeitsblatt — %1</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>%1 kann nicht geschrieben werden.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — Folie %2 von %3</translation>
        </message>
        <message>
            <source>Worksheet · %1</source>
            <translation>Arbeitsblatt · %1</translation>
        </message>
        <message>
            <source>Name: ______________________</source>
            <translation>Name: ______________________</translation>
        </message>
        <message>
            <source>In class this slide shows %1; it is not printed on the worksheet because its numbers would give the answer away.</source>
            <translation>Im Unterricht zeigt diese Folie %1; auf dem Arbeitsblatt fehlt sie, weil ihre Zahlen die Antwort verraten würden.</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>Frage:</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Ihre Antwort:</translation>
        </message>
        <message>
            <source>Circle your cell of</source>
            <translation>Kreisen Sie Ihre Zelle ein in</translation>
        </message>
        <message>
            <source>Your working:</source>
            <translation>Ihr Rechenweg:</translation>
        </message>
        <message>
            <source>Mark the cell you predict:</source>
            <translation>Markieren Sie die Zelle, die Sie vorhersagen:</translation>
        </message>
        <message>
            <source>Answers — %1</source>
            <translation>Antworten — %1</translation>
        </message>
        <message>
            <source>Computed from the trace of each slide (Keras' numbers, float32).</source>
            <translation>Aus dem Trace jeder Folie berechnet (die Zahlen von Keras, float32).</translation>
        </message>
        <message>
            <source>Answer key — %1</source>
            <translation>Lösungen — %1</translation>
        </message>
        <message>
            <source>Planned time: %1 minutes · %2 slides · %3</source>
            <translation>Geplante Zeit: %1 Minuten · %2 Folien · %3</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 Frage</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n Frage</numerusform>
                <numerusform>%n Fragen</numerusform>
            </translation>
        </message>
        <message>
            <source>Slide</source>
            <translation>Folie</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titel</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minuten</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>Uhrzeit</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Frage</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>ja</translation>
        </message>
        <message>
            <source>Slide %1 · %2</source>
            <translation>Folie %1 · %2</translation>
        </message>
        <message>
            <source>%1 min, %2–%3</source>
            <translation>%1 Min., %2–%3</translation>
        </message>
        <message>
            <source>no timing given</source>
            <translation>keine Zeitangabe</translation>
        </message>
        <message>
            <source>Presenter notes:</source>
            <translation>Notizen für die Lehrkraft:</translation>
        </message>
        <message>
            <source>Answer:</source>
            <translation>Antwort:</translation>
        </message>
        <message>
            <source>Why:</source>
            <translation>Warum:</translation>
        </message>
        <message>
            <source>the stage</source>
            <translation>die Bühne</translation>
        </message>
        <message>
            <source>the Compare tab</source>
            <translation>den Vergleichs-Tab</translation>
        </message>
        <message>
            <source>the 1/√dₖ lab</source>
            <translation>das 1/√dₖ-Labor</translation>
        </message>
        <message>
            <source>the equivalence lab</source>
            <translation>das Äquivalenz-Labor</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Sprache</translation>
        </message>
        <message>
            <source>System default (%1)</source>
            <translation>Systemvorgabe (%1)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Sprache</translation>
        </message>
        <message>
            <source>attnviz will use %1 the next time it starts. (For one run: attnviz --lang CODE.)</source>
            <translation>attnviz verwendet %1 beim nächsten Start. (Für einen einzelnen Start: attnviz --lang CODE.)</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>%1 konnte nicht geschrieben werden: %2</translation>
        </message>
    </context>
    <context>
        <name>ScalingLabView</name>
        <message>
            <source>Spread of the logits q·k (std)</source>
            <translation>Streuung der Logits q·k (Std.-Abw.)</translation>
        </message>
        <message>
            <source>Largest softmax weight of a row</source>
            <translation>Größtes Softmax-Gewicht einer Zeile</translation>
        </message>
        <message>
            <source>Entropy of a row (nats)</source>
            <translation>Entropie einer Zeile (nats)</translation>
        </message>
        <message>
            <source>Largest softmax gradient p(1 − p)</source>
            <translation>Größter Softmax-Gradient p(1 − p)</translation>
        </message>
    </context>
    <context>
        <name>SetupFields</name>
        <message>
            <source>Layer:</source>
            <translation>Schicht:</translation>
        </message>
        <message>
            <source>Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads sharing key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau). The form shows only the arguments the chosen layer has.</source>
            <translation>Welche Keras-Schicht berechnet wird: MultiHeadAttention, GroupQueryAttention (Query-Köpfe teilen sich Key/Value-Köpfe), Attention (Skalarprodukt, Luong) oder AdditiveAttention (Bahdanau). Das Formular zeigt nur die Argumente, die die gewählte Schicht hat.</translation>
        </message>
        <message>
            <source>Heads:</source>
            <translation>Köpfe:</translation>
        </message>
        <message>
            <source>Query heads:</source>
            <translation>Query-Köpfe:</translation>
        </message>
        <message>
            <source>attnviz draws every head; 64 is the most it lays out</source>
            <translation>attnviz zeichnet jeden Kopf; mehr als 64 legt es nicht aus</translation>
        </message>
        <message>
            <source>How many attention heads run side by side, each with its own projections of the query, key and value.</source>
            <translation>Wie viele Attention-Köpfe nebeneinander laufen, jeder mit eigenen Projektionen von Query, Key und Value.</translation>
        </message>
        <message>
            <source>Key/value heads:</source>
            <translation>Key/Value-Köpfe:</translation>
        </message>
        <message>
            <source>Key/value heads shared by groups of query heads; must divide num_query_heads (1: multi-query attention, equal: plain multi-head attention).</source>
            <translation>Key/Value-Köpfe, die sich Gruppen von Query-Köpfen teilen; muss num_query_heads teilen (1: Multi-Query-Attention, gleich: gewöhnliche Multi-Head-Attention).</translation>
        </message>
        <message>
            <source>key_dim:</source>
            <translation>key_dim:</translation>
        </message>
        <message>
            <source>head_dim:</source>
            <translation>head_dim:</translation>
        </message>
        <message>
            <source>attnviz's limit for a head's width</source>
            <translation>attnviz' Grenze für die Breite eines Kopfs</translation>
        </message>
        <message>
            <source>Size of each head's query and key vectors (GroupQueryAttention: of its query, key and value vectors). The scores are divided by √key_dim.</source>
            <translation>Größe der Query- und Key-Vektoren jedes Kopfs (GroupQueryAttention: seiner Query-, Key- und Value-Vektoren). Die Scores werden durch √key_dim geteilt.</translation>
        </message>
        <message>
            <source>value_dim:</source>
            <translation>value_dim:</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>Size of each head's value vectors; auto (None) means key_dim.</source>
            <translation>Größe der Value-Vektoren jedes Kopfs; auto (None) bedeutet key_dim.</translation>
        </message>
        <message>
            <source>Output width:</source>
            <translation>Ausgabebreite:</translation>
        </message>
        <message>
            <source>attnviz's limit for a feature width</source>
            <translation>attnviz' Grenze für eine Merkmalsbreite</translation>
        </message>
        <message>
            <source>Width of the output; auto (None) means the query's width.</source>
            <translation>Breite der Ausgabe; auto (None) bedeutet die Breite der Query.</translation>
        </message>
        <message>
            <source>score_mode:</source>
            <translation>score_mode:</translation>
        </message>
        <message>
            <source>How Attention scores a query against a key: "dot", the dot product (Luong), or "concat", the sum of tanh(query + key) over the features, times concat_score_weight.</source>
            <translation>Wie Attention eine Query mit einem Key bewertet: "dot", das Skalarprodukt (Luong), oder "concat", die Summe von tanh(query + key) über die Merkmale, mal concat_score_weight.</translation>
        </message>
        <message>
            <source>sliding_window:</source>
            <translation>sliding_window:</translation>
        </message>
        <message>
            <source>no sequence is longer than 8192 here</source>
            <translation>keine Sequenz ist hier länger als 8192</translation>
        </message>
        <message>
            <source>none</source>
            <translation>keins</translation>
        </message>
        <message>
            <source>Each query sees the source positions with |t − s| &lt; w; none (None) means all of them. With use_causal_mask it is the causal band.</source>
            <translation>Jede Query sieht die Quellpositionen mit |t − s| &lt; w; keins (None) bedeutet alle. Mit use_causal_mask ist es das kausale Band.</translation>
        </message>
        <message>
            <source>use_bias</source>
            <translation>use_bias</translation>
        </message>
        <message>
            <source>Add a bias to every projection (query, key, value, output and gate).</source>
            <translation>Jeder Projektion (Query, Key, Value, Ausgabe und Gate) einen Bias hinzufügen.</translation>
        </message>
        <message>
            <source>use_gate</source>
            <translation>use_gate</translation>
        </message>
        <message>
            <source>Gated attention: a sigmoid gate computed from the query scales each head's context before the output projection.</source>
            <translation>Gated Attention: Ein aus der Query berechnetes Sigmoid-Gate skaliert den Kontext jedes Kopfs vor der Ausgabeprojektion.</translation>
        </message>
        <message>
            <source>use_scale</source>
            <translation>use_scale</translation>
        </message>
        <message>
            <source>Learn a scale for the scores: Attention a scalar (initially 1), AdditiveAttention a vector over the features (its default is True).</source>
            <translation>Einen Skalierungsfaktor für die Scores lernen: Attention einen Skalar (anfangs 1), AdditiveAttention einen Vektor über die Merkmale (dort ist der Standard True).</translation>
        </message>
        <message>
            <source>Transformer sub-layer</source>
            <translation>Transformer-Unterschicht</translation>
        </message>
        <message>
            <source>Not an argument of the layer: follow it with keras.layers.Add (the residual) and LayerNormalization (Add &amp; Norm), as in the Transformer's encoder.</source>
            <translation>Kein Argument der Schicht: Danach folgen keras.layers.Add (die Residualverbindung) und LayerNormalization (Add &amp; Norm), wie im Encoder des Transformers.</translation>
        </message>
        <message>
            <source>every (query × source) matrix of every head is kept, one takes 256 MiB at 8192², and the memory budget (--max-memory) refuses larger traces</source>
            <translation>jede (Query × Quelle)-Matrix jedes Kopfs wird aufbewahrt, eine braucht bei 8192² 256 MiB, und das Speicherbudget (--max-memory) lehnt größere Traces ab</translation>
        </message>
        <message>
            <source>Batch (B):</source>
            <translation>Batch (B):</translation>
        </message>
        <message>
            <source>attnviz's limit for the batch; every batch row is computed and kept</source>
            <translation>attnviz' Grenze für den Batch; jede Batch-Zeile wird berechnet und aufbewahrt</translation>
        </message>
        <message>
            <source>B, the first axis of the query, value and key inputs: how many sequences go through the layer at once.</source>
            <translation>B, die erste Achse der Eingaben query, value und key: wie viele Sequenzen gleichzeitig durch die Schicht gehen.</translation>
        </message>
        <message>
            <source>Query length (T):</source>
            <translation>Query-Länge (T):</translation>
        </message>
        <message>
            <source>T, the query input's sequence length (query.shape[1]): the target sequence, one row of the attention weights per position.</source>
            <translation>T, die Sequenzlänge der Query-Eingabe (query.shape[1]): die Zielsequenz, eine Zeile der Attention-Gewichte pro Position.</translation>
        </message>
        <message>
            <source>Source length (S):</source>
            <translation>Quelllänge (S):</translation>
        </message>
        <message>
            <source>S, the value (and key) input's sequence length (value.shape[1]): one column of the attention weights per position.</source>
            <translation>S, die Sequenzlänge der Value- (und Key-)Eingabe (value.shape[1]): eine Spalte der Attention-Gewichte pro Position.</translation>
        </message>
        <message>
            <source>Query width:</source>
            <translation>Query-Breite:</translation>
        </message>
        <message>
            <source>Features per query token (query.shape[-1]).</source>
            <translation>Merkmale pro Query-Token (query.shape[-1]).</translation>
        </message>
        <message>
            <source>Value width:</source>
            <translation>Value-Breite:</translation>
        </message>
        <message>
            <source>Features per value token (value.shape[-1]).</source>
            <translation>Merkmale pro Value-Token (value.shape[-1]).</translation>
        </message>
        <message>
            <source>Key width:</source>
            <translation>Key-Breite:</translation>
        </message>
        <message>
            <source>Features per key token (key.shape[-1]); auto: no separate key input, so Keras uses the value as the key.</source>
            <translation>Merkmale pro Key-Token (key.shape[-1]); auto: keine eigene Key-Eingabe, also nimmt Keras den Value als Key.</translation>
        </message>
        <message>
            <source>Causal (no peeking ahead)</source>
            <translation>Kausal (kein Vorausschauen)</translation>
        </message>
        <message>
            <source>A call argument: query position i may only attend to source positions ≤ i.</source>
            <translation>Ein Aufrufargument: Query-Position i darf nur auf Quellpositionen ≤ i achten.</translation>
        </message>
        <message>
            <source>Query padding:</source>
            <translation>Query-Padding:</translation>
        </message>
        <message>
            <source>Query positions that are padding, separated by spaces ("3 4"): query_mask is False there, in every batch row; those rows of the output get no attention.</source>
            <translation>Query-Positionen, die Padding sind, durch Leerzeichen getrennt ("3 4"): query_mask ist dort False, in jeder Batch-Zeile; diese Zeilen der Ausgabe bekommen keine Aufmerksamkeit.</translation>
        </message>
        <message>
            <source>Source padding:</source>
            <translation>Quell-Padding:</translation>
        </message>
        <message>
            <source>Source positions that are padding, separated by spaces ("3 4"): value_mask is False there, so no query attends to them.</source>
            <translation>Quellpositionen, die Padding sind, durch Leerzeichen getrennt ("3 4"): value_mask ist dort False, also achtet keine Query auf sie.</translation>
        </message>
        <message>
            <source>Dropout:</source>
            <translation>Dropout:</translation>
        </message>
        <message>
            <source>a rate of 1 would drop every attention weight</source>
            <translation>eine Rate von 1 würde jedes Attention-Gewicht verwerfen</translation>
        </message>
        <message>
            <source>The dropout rate on the attention weights; applied only when the layer is called with training=True.</source>
            <translation>Die Dropout-Rate auf den Attention-Gewichten; nur angewandt, wenn die Schicht mit training=True aufgerufen wird.</translation>
        </message>
        <message>
            <source>training=True</source>
            <translation>training=True</translation>
        </message>
        <message>
            <source>A call argument: call the layer in training mode, so dropout is applied (only with a dropout above 0).</source>
            <translation>Ein Aufrufargument: die Schicht im Trainingsmodus aufrufen, sodass Dropout angewandt wird (nur bei einem Dropout über 0).</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Seed:</translation>
        </message>
        <message>
            <source>a seed is a 32-bit integer</source>
            <translation>ein Seed ist eine 32-Bit-Ganzzahl</translation>
        </message>
        <message>
            <source>The seed of the random inputs, of the initial weights (Keras' initializers: glorot_uniform kernels, zero biases) and of dropout. The same seed always gives the same numbers.</source>
            <translation>Der Seed der Zufallseingaben, der Anfangsgewichte (die Initialisierer von Keras: glorot_uniform-Kernel, Null-Biases) und des Dropouts. Derselbe Seed ergibt immer dieselben Zahlen.</translation>
        </message>
        <message>
            <source>Query:</source>
            <translation>Query:</translation>
        </message>
        <message>
            <source>The query input as a sentence: one token per word, and the same word always gets the same vector. The tokens label the heatmap axes.</source>
            <translation>Die Query-Eingabe als Satz: ein Token pro Wort, und dasselbe Wort bekommt immer denselben Vektor. Die Tokens beschriften die Achsen der Heatmap.</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Quelle:</translation>
        </message>
        <message>
            <source>The value (and key) input as a sentence, for cross-attention; empty: the query sentence (self-attention).</source>
            <translation>Die Value- (und Key-)Eingabe als Satz, für Cross-Attention; leer: der Query-Satz (Self-Attention).</translation>
        </message>
        <message>
            <source>The query input from a float32 or float64 .npy of shape (batch, query_len, query_features).</source>
            <translation>Die Query-Eingabe aus einer float32- oder float64-.npy der Form (batch, query_len, query_features).</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Value:</translation>
        </message>
        <message>
            <source>The value input from a float32 or float64 .npy of shape (batch, source_len, value_features).</source>
            <translation>Die Value-Eingabe aus einer float32- oder float64-.npy der Form (batch, source_len, value_features).</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Key:</translation>
        </message>
        <message>
            <source>Optional: the key input from a .npy of shape (batch, source_len, key_features); without it Keras uses the value as the key.</source>
            <translation>Optional: die Key-Eingabe aus einer .npy der Form (batch, source_len, key_features); ohne sie nimmt Keras den Value als Key.</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>Eingaben:</translation>
        </message>
        <message>
            <source>Where the layer's call inputs query, value (and key) come from: random from the seed, a typed sentence, an edited table, or .npy files.</source>
            <translation>Woher die Aufrufeingaben query, value (und key) der Schicht kommen: zufällig aus dem Seed, ein getippter Satz, eine bearbeitete Tabelle oder .npy-Dateien.</translation>
        </message>
        <message>
            <source>“%1” is not a position: expected whole numbers like “3 4”.</source>
            <translation>„%1“ ist keine Position: erwartet werden ganze Zahlen wie „3 4“.</translation>
        </message>
        <message>
            <source>Position %1 is outside the sequence: expected 0 to %2. Received: %1.</source>
            <translation>Position %1 liegt außerhalb der Sequenz: erwartet 0 bis %2. Erhalten: %1.</translation>
        </message>
        <message>
            <source>Unknown layer “%1”.</source>
            <translation>Unbekannte Schicht „%1“.</translation>
        </message>
        <message>
            <source>score_mode is “dot” or “concat”. Received: score_mode=%1</source>
            <translation>score_mode ist „dot“ oder „concat“. Erhalten: score_mode=%1</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
        </message>
        <message>
            <source>every layer</source>
            <translation>jede Schicht</translation>
        </message>
        <message>
            <source>&lt;p&gt;At most %1: %2.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Höchstens %1: %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1 %2 is over attnviz's limit of %3: %4. Received: %5=%2</source>
            <translation>%1 %2 liegt über der Grenze von attnviz (%3): %4. Erhalten: %5=%2</translation>
        </message>
        <message>
            <source>At most %1: %2.</source>
            <translation>Höchstens %1: %2.</translation>
        </message>
    </context>
    <context>
        <name>StepText</name>
        <message>
            <source>input</source>
            <translation>Eingabe</translation>
        </message>
        <message>
            <source>dense projection</source>
            <translation>Dense-Projektion</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>Skalierung</translation>
        </message>
        <message>
            <source>matrix product</source>
            <translation>Matrixprodukt</translation>
        </message>
        <message>
            <source>mask</source>
            <translation>Maske</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>Softmax</translation>
        </message>
        <message>
            <source>dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>concatenate</source>
            <translation>Verketten</translation>
        </message>
        <message>
            <source>tanh sum</source>
            <translation>tanh-Summe</translation>
        </message>
        <message>
            <source>add</source>
            <translation>Addition</translation>
        </message>
        <message>
            <source>layer norm</source>
            <translation>Layer-Norm</translation>
        </message>
        <message>
            <source>repeat heads</source>
            <translation>Köpfe wiederholen</translation>
        </message>
        <message>
            <source>multiply</source>
            <translation>Multiplikation</translation>
        </message>
        <message>
            <source>%1 G</source>
            <translation>%1 G</translation>
        </message>
        <message>
            <source>%1 M</source>
            <translation>%1 M</translation>
        </message>
        <message>
            <source>%1 k</source>
            <translation>%1 k</translation>
        </message>
    </context>
    <context>
        <name>attnviz</name>
        <message>
            <source>attnviz: --view must be one of %1. Received: %2</source>
            <translation>attnviz: --view muss eines von %1 sein. Erhalten: %2</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz: %1 ist nicht verwendbar: %2</translation>
        </message>
        <message>
            <source>attnviz: could not write %1</source>
            <translation>attnviz: %1 konnte nicht geschrieben werden</translation>
        </message>
        <message>
            <source>attnviz: no step “%1” in this trace</source>
            <translation>attnviz: kein Schritt „%1“ in diesem Trace</translation>
        </message>
        <message>
            <source>attnviz: cannot write %1: %2</source>
            <translation>attnviz: %1 kann nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source>attnviz: --train-task: %1</source>
            <translation>attnviz: --train-task: %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::AttentionGrid</name>
        <message>
            <source>block %1 · head %2</source>
            <translation>Block %1 · Kopf %2</translation>
        </message>
        <message>
            <source>block %1</source>
            <translation>Block %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::CompareView</name>
        <message>
            <source>The same query, key and value through every layer, with your inputs, masks and, where they apply, your layer's options and weights (inference, no dropout). All weights share one 0–1 colour scale.</source>
            <translation>Dieselbe Query, derselbe Key und Value durch jede Schicht, mit Ihren Eingaben, Masken und, wo sie passen, den Optionen und Gewichten Ihrer Schicht (Inferenz, kein Dropout). Alle Gewichte teilen eine Farbskala von 0 bis 1.</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>Which batch element to show</source>
            <translation>Welches Batch-Element gezeigt wird</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>Kopf</translation>
        </message>
        <message>
            <source>Which head to show in the tiles with heads</source>
            <translation>Welcher Kopf in den Kacheln mit Köpfen gezeigt wird</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Differenz</translation>
        </message>
        <message>
            <source>The difference heatmap shows A − B</source>
            <translation>Die Differenz-Heatmap zeigt A − B</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>Gewicht</translation>
        </message>
        <message>
            <source>Hover a cell for its exact value.</source>
            <translation>Zeigen Sie auf eine Zelle, um ihren genauen Wert zu sehen.</translation>
        </message>
        <message>
            <source>source</source>
            <translation>Quelle</translation>
        </message>
        <message>
            <source>query</source>
            <translation>Query</translation>
        </message>
        <message>
            <source>your layer, with your options and weights</source>
            <translation>Ihre Schicht, mit Ihren Optionen und Gewichten</translation>
        </message>
        <message>
            <source>what-if: not how Keras builds it</source>
            <translation>Was-wäre-wenn: nicht so, wie Keras es baut</translation>
        </message>
        <message>
            <source>equals %1: max |Δ| = %2</source>
            <translation>gleich %1: max |Δ| = %2</translation>
        </message>
        <message>
            <source>equals %1</source>
            <translation>gleich %1</translation>
        </message>
        <message>
            <source>Cannot compare: %1</source>
            <translation>Vergleich nicht möglich: %1</translation>
        </message>
        <message>
            <source>No inputs.</source>
            <translation>Keine Eingaben.</translation>
        </message>
        <message>
            <source>Both variants need weights to subtract.</source>
            <translation>Beide Varianten brauchen Gewichte, um sie voneinander abzuziehen.</translation>
        </message>
        <message>
            <source> — head %1</source>
            <translation> — Kopf %1</translation>
        </message>
        <message>
            <source>Difference A − B</source>
            <translation>Differenz A − B</translation>
        </message>
        <message>
            <source>max |Δ| = %1</source>
            <translation>max |Δ| = %1</translation>
        </message>
        <message>
            <source>Identities, checked on these inputs:</source>
            <translation>Identitäten, an diesen Eingaben geprüft:</translation>
        </message>
        <message>
            <source>Holds when:</source>
            <translation>Gilt, wenn:</translation>
        </message>
        <message>
            <source>With these conditions applied to your inputs: max |Δ| = %1 (%2).</source>
            <translation>Mit diesen Bedingungen auf Ihre Eingaben angewandt: max |Δ| = %1 (%2).</translation>
        </message>
        <message>
            <source>Cannot be checked on these inputs: %1.</source>
            <translation>Mit diesen Eingaben nicht prüfbar: %1.</translation>
        </message>
        <message>
            <source>Your setup meets the conditions.</source>
            <translation>Ihr Setup erfüllt die Bedingungen.</translation>
        </message>
        <message>
            <source>Your setup does not meet them: %1.</source>
            <translation>Ihr Setup erfüllt sie nicht: %1.</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>%1 — query %2 (%3), source %4 (%5): %6</source>
            <translation>%1 — Query %2 (%3), Quelle %4 (%5): %6</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::Controller</name>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Noch nichts berechnet.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::EquivalenceLabView</name>
        <message>
            <source>The claim to check: two Keras layers that compute the same thing under conditions.</source>
            <translation>Die zu prüfende Behauptung: zwei Keras-Schichten, die unter Bedingungen dasselbe berechnen.</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Behauptung</translation>
        </message>
        <message>
            <source>Conditions (untick one to break the claim)</source>
            <translation>Bedingungen (eine abwählen, um die Behauptung zu brechen)</translation>
        </message>
        <message>
            <source>step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>left shape</source>
            <translation>Form links</translation>
        </message>
        <message>
            <source>right shape</source>
            <translation>Form rechts</translation>
        </message>
        <message>
            <source>max |Δ|</source>
            <translation>max |Δ|</translation>
        </message>
        <message>
            <source>Unticked: %1</source>
            <translation>Abgewählt: %1</translation>
        </message>
        <message>
            <source>left: %1, right: %2</source>
            <translation>links: %1, rechts: %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;The claim holds&lt;/b&gt; (%1): every shared step agrees to float32 rounding, max |Δ| = %2.</source>
            <translation>&lt;b&gt;Die Behauptung gilt&lt;/b&gt; (%1): Jeder gemeinsame Schritt stimmt bis auf float32-Rundung überein, max |Δ| = %2.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The two computations part at “%1”&lt;/b&gt; (%2): max |Δ| = %3 there.</source>
            <translation>&lt;b&gt;Die beiden Berechnungen trennen sich bei „%1“&lt;/b&gt; (%2): dort max |Δ| = %3.</translation>
        </message>
        <message>
            <source>Cannot run this claim: %1</source>
            <translation>Diese Behauptung lässt sich nicht ausführen: %1</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>different sizes</source>
            <translation>verschiedene Größen</translation>
        </message>
        <message>
            <source>equal</source>
            <translation>gleich</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>verschieden</translation>
        </message>
        <message>
            <source>Predict, then Reveal: the differences of the two traces appear after the reveal.</source>
            <translation>Erst vorhersagen, dann Auflösen: Die Unterschiede der beiden Traces erscheinen nach dem Auflösen.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ExportMenu</name>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exportieren</translation>
        </message>
        <message>
            <source>&amp;Heatmap image (PNG, PDF, SVG)…</source>
            <translation>&amp;Heatmap-Bild (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>S&amp;tage image (PNG, PDF, SVG)…</source>
            <translation>&amp;Bühnenbild (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>&amp;Compare view image (PNG, PDF, SVG)…</source>
            <translation>Bild der &amp;Vergleichsansicht (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>Save the Compare tab as a figure</source>
            <translation>Den Vergleichs-Tab als Abbildung speichern</translation>
        </message>
        <message>
            <source>Step tensor, &amp;shown slice (.npy, .csv)…</source>
            <translation>Tensor des Schritts, &amp;gezeigter Schnitt (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The 2-D slice the heatmap shows (current batch and head), as a NumPy array or a CSV table</source>
            <translation>Der 2-D-Schnitt, den die Heatmap zeigt (aktuelles Batch-Element und aktueller Kopf), als NumPy-Array oder CSV-Tabelle</translation>
        </message>
        <message>
            <source>Step tensor, &amp;whole (.npy, .csv)…</source>
            <translation>Tensor des Schritts, &amp;vollständig (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The current step's whole tensor, every axis, as a NumPy array or a CSV table</source>
            <translation>Der ganze Tensor des aktuellen Schritts, alle Achsen, als NumPy-Array oder CSV-Tabelle</translation>
        </message>
        <message>
            <source>Whole t&amp;race (.npz)…</source>
            <translation>Ganzer T&amp;race (.npz)…</translation>
        </message>
        <message>
            <source>Every step's tensor keyed by step, the same file as attnviz-trace --out</source>
            <translation>Der Tensor jedes Schritts unter seinem Schlüssel, dieselbe Datei wie attnviz-trace --out</translation>
        </message>
        <message>
            <source>Setup as spec &amp;bundle (folder)…</source>
            <translation>Setup als Spec-&amp;Bündel (Ordner)…</translation>
        </message>
        <message>
            <source>spec.json with its .npy inputs and masks and weights.npz, which loads back to the same trace</source>
            <translation>spec.json mit seinen .npy-Eingaben und -Masken und weights.npz; lädt wieder zum selben Trace</translation>
        </message>
        <message>
            <source>&amp;Python script</source>
            <translation>&amp;Python-Skript</translation>
        </message>
        <message>
            <source>&amp;NumPy…</source>
            <translation>&amp;NumPy…</translation>
        </message>
        <message>
            <source>Self-contained NumPy, one block per step, checked against the trace</source>
            <translation>Eigenständiges NumPy, ein Block pro Schritt, gegen den Trace geprüft</translation>
        </message>
        <message>
            <source>&amp;Keras 3…</source>
            <translation>&amp;Keras 3…</translation>
        </message>
        <message>
            <source>The real Keras layer with these weights and masks, checked against the trace</source>
            <translation>Die echte Keras-Schicht mit diesen Gewichten und Masken, gegen den Trace geprüft</translation>
        </message>
        <message>
            <source>&amp;PyTorch…</source>
            <translation>&amp;PyTorch…</translation>
        </message>
        <message>
            <source>The layer in torch ops (and nn.MultiheadAttention where it fits), checked</source>
            <translation>Die Schicht in torch-Operationen (und nn.MultiheadAttention, wo es passt), geprüft</translation>
        </message>
        <message>
            <source>&amp;Copy heatmap and cells</source>
            <translation>Heatmap und Zellen &amp;kopieren</translation>
        </message>
        <message>
            <source>Copy the heatmap as an image and the selected (or hovered) cells as tab-separated numbers</source>
            <translation>Die Heatmap als Bild und die ausgewählten (oder überfahrenen) Zellen als tabulatorgetrennte Zahlen kopieren</translation>
        </message>
        <message>
            <source>Copied the heatmap</source>
            <translation>Heatmap kopiert</translation>
        </message>
        <message>
            <source>Copied the heatmap and %1 cell(s)</source>
            <translation>Heatmap und %1 Zelle(n) kopiert</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Noch nichts berechnet.</translation>
        </message>
        <message>
            <source>Choose a .npy or .csv file name. Received: %1</source>
            <translation>Wählen Sie einen Dateinamen mit .npy oder .csv. Erhalten: %1</translation>
        </message>
        <message>
            <source>attnviz compare</source>
            <translation>attnviz-Vergleich</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>NumPy-Array (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV-Tabelle (*.csv)</translation>
        </message>
        <message>
            <source>Export the step's tensor</source>
            <translation>Tensor des Schritts exportieren</translation>
        </message>
        <message>
            <source>Export the shown slice</source>
            <translation>Gezeigten Schnitt exportieren</translation>
        </message>
        <message>
            <source>Export the whole trace</source>
            <translation>Ganzen Trace exportieren</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>NumPy-Archiv (*.npz)</translation>
        </message>
        <message>
            <source>Folder for the spec bundle</source>
            <translation>Ordner für das Spec-Bündel</translation>
        </message>
        <message>
            <source>Export the computation as a Python script</source>
            <translation>Die Berechnung als Python-Skript exportieren</translation>
        </message>
        <message>
            <source>Python script (*.py)</source>
            <translation>Python-Skript (*.py)</translation>
        </message>
        <message>
            <source>Export the Compare view</source>
            <translation>Vergleichsansicht exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::FormulaPanel</name>
        <message>
            <source>Translate to PyTorch</source>
            <translation>In PyTorch übersetzen</translation>
        </message>
        <message>
            <source>Show the same layer written with PyTorch ops beside the Keras code, the current step highlighted in both</source>
            <translation>Dieselbe Schicht mit PyTorch-Operationen neben dem Keras-Code zeigen, der aktuelle Schritt in beiden hervorgehoben</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Formel</translation>
        </message>
        <message>
            <source>Keras code</source>
            <translation>Keras-Code</translation>
        </message>
        <message>
            <source>What this step computes, and the Keras line that does it</source>
            <translation>Was dieser Schritt berechnet und welche Keras-Zeile es tut</translation>
        </message>
        <message>
            <source>The whole MultiHeadAttention layer written with EinsumDense, Softmax, Dropout, Add and LayerNormalization for the current settings</source>
            <translation>Die ganze MultiHeadAttention-Schicht mit EinsumDense, Softmax, Dropout, Add und LayerNormalization für die aktuellen Einstellungen</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;Nothing computed yet. Choose a layer and its sizes on the left.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;Noch nichts berechnet. Wählen Sie links eine Schicht und ihre Größen.&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3 style='margin:0'&gt;Step %1 of %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</source>
            <translation>&lt;h3 style='margin:0'&gt;Schritt %1 von %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</translation>
        </message>
        <message>
            <source>einsum</source>
            <translation>einsum</translation>
        </message>
        <message>
            <source>Keras</source>
            <translation>Keras</translation>
        </message>
        <message>
            <source>shape</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>reads</source>
            <translation>liest</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>Kosten</translation>
        </message>
        <message>
            <source>%1 FLOPs, %2 bytes</source>
            <translation>%1 FLOPs, %2 Bytes</translation>
        </message>
        <message>
            <source># No Keras listing for this layer.</source>
            <translation># Kein Keras-Listing für diese Schicht.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::HeatmapView</name>
        <message>
            <source>Move the mouse over a cell to see its indices and exact value</source>
            <translation>Bewegen Sie die Maus über eine Zelle, um ihre Indizes und ihren genauen Wert zu sehen</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Heatmap</translation>
        </message>
        <message>
            <source>Digits:</source>
            <translation>Stellen:</translation>
        </message>
        <message>
            <source>Significant digits in each cell; hover a cell for all nine</source>
            <translation>Signifikante Stellen in jeder Zelle; zeigen Sie auf eine Zelle für alle neun</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Zahlen</translation>
        </message>
        <message>
            <source>The slice as numbers, with each row's sum</source>
            <translation>Der Schnitt als Zahlen, mit der Summe jeder Zeile</translation>
        </message>
        <message>
            <source>Colours 0–1</source>
            <translation>Farben 0–1</translation>
        </message>
        <message>
            <source>Colours 0–top (auto)</source>
            <translation>Farben 0–Spitze (auto)</translation>
        </message>
        <message>
            <source>Probabilities: a fixed 0–1 scale compares steps; auto stretches the colours to the step's largest value, or, once it has 1000 values, to the value 99.5 % of them stay under (long sequences spread the weights thin, and row 0 of a causal mask is a single 1); cells above it take the top colour</source>
            <translation>Wahrscheinlichkeiten: Eine feste Skala 0–1 macht Schritte vergleichbar; auto streckt die Farben bis zum größten Wert des Schritts oder, ab 1000 Werten, bis zu dem Wert, unter dem 99,5 % von ihnen bleiben (lange Sequenzen verteilen die Gewichte dünn, und Zeile 0 einer kausalen Maske ist eine einzelne 1); Zellen darüber bekommen die oberste Farbe</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</translation>
        </message>
        <message>
            <source>&lt;i&gt;No tensor to show&lt;/i&gt;</source>
            <translation>&lt;i&gt;Kein Tensor zum Anzeigen&lt;/i&gt;</translation>
        </message>
        <message>
            <source>axis %1</source>
            <translation>Achse %1</translation>
        </message>
        <message>
            <source>Which %1 to show (0 to %2)</source>
            <translation>Welches %1 gezeigt wird (0 bis %2)</translation>
        </message>
        <message>
            <source>Hover over a cell for its exact value.</source>
            <translation>Zeigen Sie auf eine Zelle, um ihren genauen Wert zu sehen.</translation>
        </message>
        <message>
            <source>probability (auto 0–%1)</source>
            <translation>Wahrscheinlichkeit (auto 0–%1)</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>Wahrscheinlichkeit</translation>
        </message>
        <message>
            <source>max |v| per %1×%2 block</source>
            <translation>max |v| je %1×%2-Block</translation>
        </message>
        <message>
            <source>Slice %1×%2 — min %3, max %4, mean %5</source>
            <translation>Schnitt %1×%2 — Min. %3, Max. %4, Mittel %5</translation>
        </message>
        <message numerus="yes">
            <source>, %n masked cell(s) shown grey</source>
            <translation>
                <numerusform>, %n maskierte Zelle grau dargestellt</numerusform>
                <numerusform>, %n maskierte Zellen grau dargestellt</numerusform>
            </translation>
        </message>
        <message>
            <source> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</source>
            <translation> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</translation>
        </message>
        <message>
            <source>Row sums: %1</source>
            <translation>Zeilensummen: %1</translation>
        </message>
        <message>
            <source>Row sums from %1 to %2</source>
            <translation>Zeilensummen von %1 bis %2</translation>
        </message>
        <message>
            <source>%1 (masked)</source>
            <translation>%1 (maskiert)</translation>
        </message>
        <message>
            <source>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</source>
            <translation>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;br&gt;Drawn: the largest |value| of rows %1–%2 × columns %3–%4, %5</source>
            <translation>&lt;br&gt;Gezeichnet: der größte |Wert| der Zeilen %1–%2 × Spalten %3–%4, %5</translation>
        </message>
        <message>
            <source>attnviz</source>
            <translation>attnviz</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::KerasLayerDialog</name>
        <message>
            <source>Open Keras model</source>
            <translation>Keras-Modell öffnen</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2 model &lt;i&gt;%3&lt;/i&gt;. Pick the attention layer to step through; its trained weights are read from the file and inputs take the layer's own widths.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2-Modell &lt;i&gt;%3&lt;/i&gt;. Wählen Sie die Attention-Schicht, die Sie schrittweise durchgehen möchten; ihre trainierten Gewichte werden aus der Datei gelesen, und die Eingaben bekommen die Breiten der Schicht.</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Schicht</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Klasse</translation>
        </message>
        <message>
            <source>Heads</source>
            <translation>Köpfe</translation>
        </message>
        <message>
            <source>Input widths</source>
            <translation>Eingabebreiten</translation>
        </message>
        <message>
            <source>dtype</source>
            <translation>dtype</translation>
        </message>
        <message>
            <source>Layers inside nested models (%1) cannot be opened: only the top-level model's.</source>
            <translation>Schichten in verschachtelten Modellen (%1) lassen sich nicht öffnen, nur die des obersten Modells.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::LessonPanel</name>
        <message>
            <source>Click the cell you predict; arrow keys move, Enter chooses.</source>
            <translation>Klicken Sie auf die Zelle, die Sie vorhersagen; Pfeiltasten bewegen, Eingabe wählt.</translation>
        </message>
        <message>
            <source>Type a number</source>
            <translation>Zahl eingeben</translation>
        </message>
        <message>
            <source>Reveal</source>
            <translation>Auflösen</translation>
        </message>
        <message>
            <source>Play the step and mark the answer (Ctrl+Return; Page Down on a question)</source>
            <translation>Den Schritt abspielen und die Antwort markieren (Strg+Eingabe; Bild ab bei einer Frage)</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ Zurück</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Weiter ▶</translation>
        </message>
        <message>
            <source>Previous slide (Page Up)</source>
            <translation>Vorige Folie (Bild auf)</translation>
        </message>
        <message>
            <source>Next slide (Page Down; on a question it reveals first)</source>
            <translation>Nächste Folie (Bild ab; bei einer Frage wird zuerst aufgelöst)</translation>
        </message>
        <message>
            <source>Next slide (reveal first)</source>
            <translation>Nächste Folie (zuerst auflösen)</translation>
        </message>
        <message>
            <source>Previous slide</source>
            <translation>Vorige Folie</translation>
        </message>
        <message>
            <source>Reveal the answer</source>
            <translation>Die Antwort auflösen</translation>
        </message>
        <message>
            <source>Choose option %1</source>
            <translation>Option %1 wählen</translation>
        </message>
        <message>
            <source>Open &amp;lesson…</source>
            <translation>&amp;Lektion öffnen…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Open a lesson: slides with narration and questions</source>
            <translation>Eine Lektion öffnen: Folien mit Erläuterungen und Fragen</translation>
        </message>
        <message>
            <source>E&amp;xamples</source>
            <translation>&amp;Beispiele</translation>
        </message>
        <message>
            <source>Save s&amp;lide…</source>
            <translation>&amp;Folie speichern…</translation>
        </message>
        <message>
            <source>Append the current spec, step and view as a slide to a lesson</source>
            <translation>Die aktuelle Spec, den Schritt und die Ansicht als Folie an eine Lektion anhängen</translation>
        </message>
        <message>
            <source>Export &amp;handout…</source>
            <translation>&amp;Handout exportieren…</translation>
        </message>
        <message>
            <source>Every slide of the open lesson, with a page of answers, as a PDF</source>
            <translation>Alle Folien der offenen Lektion, mit einer Seite Antworten, als PDF</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>&amp;Lektionen</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>&amp;Tastenkürzel</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>Beispiel</translation>
        </message>
        <message>
            <source>Lesson: %1</source>
            <translation>Lektion: %1</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Lektion</translation>
        </message>
        <message>
            <source>(no bundled examples found in %1)</source>
            <translation>(keine mitgelieferten Beispiele in %1 gefunden)</translation>
        </message>
        <message>
            <source>(no lessons found in %1)</source>
            <translation>(keine Lektionen in %1 gefunden)</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Tastenkürzel</translation>
        </message>
        <message>
            <source>Could not open the lesson: %1</source>
            <translation>Die Lektion konnte nicht geöffnet werden: %1</translation>
        </message>
        <message>
            <source>“%1” is not a number; type e.g. 0.25.</source>
            <translation>„%1“ ist keine Zahl; geben Sie z. B. 0,25 ein.</translation>
        </message>
        <message>
            <source>Revealed without an answer.</source>
            <translation>Ohne Antwort aufgelöst.</translation>
        </message>
        <message>
            <source>&lt;b style="color:#1a7f37"&gt;Right!&lt;/b&gt;</source>
            <translation>&lt;b style="color:#1a7f37"&gt;Richtig!&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style="color:#c62828"&gt;Not quite.&lt;/b&gt;</source>
            <translation>&lt;b style="color:#c62828"&gt;Nicht ganz.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Answer: %1</source>
            <translation>Antwort: %1</translation>
        </message>
        <message>
            <source>No lesson open. File ▸ Open lesson… or Help ▸ Lessons.</source>
            <translation>Keine Lektion offen. Datei ▸ Lektion öffnen… oder Hilfe ▸ Lektionen.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — Folie %2 von %3</translation>
        </message>
        <message>
            <source>Open lesson</source>
            <translation>Lektion öffnen</translation>
        </message>
        <message>
            <source>Lessons (*.md);;All files (*)</source>
            <translation>Lektionen (*.md);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Noch nichts berechnet.</translation>
        </message>
        <message>
            <source>Save slide to lesson</source>
            <translation>Folie in Lektion speichern</translation>
        </message>
        <message>
            <source>Lessons (*.md)</source>
            <translation>Lektionen (*.md)</translation>
        </message>
        <message>
            <source>Save slide</source>
            <translation>Folie speichern</translation>
        </message>
        <message>
            <source>Slide title:</source>
            <translation>Folientitel:</translation>
        </message>
        <message>
            <source>Slide appended to %1</source>
            <translation>Folie an %1 angehängt</translation>
        </message>
        <message>
            <source>Export handout</source>
            <translation>Handout exportieren</translation>
        </message>
        <message>
            <source>Open a lesson first (File ▸ Open lesson…).</source>
            <translation>Öffnen Sie zuerst eine Lektion (Datei ▸ Lektion öffnen…).</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Click the cell you predict, or move the blue frame with the arrow keys and press Enter.</source>
            <translation>Klicken Sie auf die Zelle, die Sie vorhersagen, oder bewegen Sie den blauen Rahmen mit den Pfeiltasten und drücken Sie die Eingabetaste.</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 Frage</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n Frage</numerusform>
                <numerusform>%n Fragen</numerusform>
            </translation>
        </message>
        <message>
            <source>Score: %1 right of %2 answered · %3</source>
            <translation>Punkte: %1 richtig von %2 beantworteten · %3</translation>
        </message>
        <message>
            <source>Export &amp;worksheet…</source>
            <translation>&amp;Arbeitsblatt exportieren…</translation>
        </message>
        <message>
            <source>For students: each question with its operands and room to answer, no answers</source>
            <translation>Für Lernende: jede Frage mit ihren Operanden und Platz für die Antwort, ohne Lösungen</translation>
        </message>
        <message>
            <source>Export answer &amp;key…</source>
            <translation>&amp;Lösungen exportieren…</translation>
        </message>
        <message>
            <source>For the teacher: the class plan, every answer with its reasoning, the presenter notes</source>
            <translation>Für die Lehrkraft: der Stundenplan, jede Antwort mit Begründung, die Notizen</translation>
        </message>
        <message>
            <source>Export worksheet</source>
            <translation>Arbeitsblatt exportieren</translation>
        </message>
        <message>
            <source>Export answer key</source>
            <translation>Lösungen exportieren</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::MainWindow</name>
        <message>
            <source>1 NaN value</source>
            <translation>1 NaN-Wert</translation>
        </message>
        <message>
            <source>%1 NaN values</source>
            <translation>%1 NaN-Werte</translation>
        </message>
        <message>
            <source>1 Inf value</source>
            <translation>1 Inf-Wert</translation>
        </message>
        <message>
            <source>%1 Inf values</source>
            <translation>%1 Inf-Werte</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 und %2</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>bei %1</translation>
        </message>
        <message>
            <source>rows %1</source>
            <translation>Zeilen %1</translation>
        </message>
        <message>
            <source>%1 contains %2 (%3)</source>
            <translation>%1 enthält %2 (%3)</translation>
        </message>
        <message>
            <source>attnviz — attention, step by step</source>
            <translation>attnviz — Aufmerksamkeit, Schritt für Schritt</translation>
        </message>
        <message>
            <source>The current operation, animated. Step menu ▸ Replay animation (R) plays it again.</source>
            <translation>Die aktuelle Operation, animiert. Menü Schritt ▸ Animation wiederholen (R) spielt sie erneut ab.</translation>
        </message>
        <message>
            <source>↻ Replay</source>
            <translation>↻ Wiederholen</translation>
        </message>
        <message>
            <source>Play this step's animation again (R)</source>
            <translation>Die Animation dieses Schritts erneut abspielen (R)</translation>
        </message>
        <message>
            <source>Scrub through this step's animation ([ and ] move it by 5 %)</source>
            <translation>Durch die Animation dieses Schritts fahren ([ und ] bewegen sie um 5 %)</translation>
        </message>
        <message>
            <source>Drag to share the height between the stage and the formula</source>
            <translation>Ziehen, um die Höhe zwischen Bühne und Formel aufzuteilen</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Bühne</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Vergleich</translation>
        </message>
        <message>
            <source>The same inputs through every variant, side by side</source>
            <translation>Dieselben Eingaben durch jede Variante, nebeneinander</translation>
        </message>
        <message>
            <source>1/√dₖ lab</source>
            <translation>1/√dₖ-Labor</translation>
        </message>
        <message>
            <source>Why q·k is divided by √key_dim: spread, saturation, entropy, gradient</source>
            <translation>Warum q·k durch √key_dim geteilt wird: Streuung, Sättigung, Entropie, Gradient</translation>
        </message>
        <message>
            <source>Equivalence lab</source>
            <translation>Äquivalenz-Labor</translation>
        </message>
        <message>
            <source>When two layers compute the same thing, and where they part</source>
            <translation>Wann zwei Schichten dasselbe berechnen und wo sie sich trennen</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Gewichte</translation>
        </message>
        <message>
            <source>Every trainable weight of the layer: Keras name, shape, initializer, count, source; edit the numbers or use a preset</source>
            <translation>Jedes trainierbare Gewicht der Schicht: Keras-Name, Form, Initialisierer, Anzahl, Herkunft; Zahlen bearbeiten oder eine Vorgabe verwenden</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Setup</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspektor</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Zeitleiste</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>Details…</translation>
        </message>
        <message>
            <source>Read the whole status message</source>
            <translation>Die ganze Statusmeldung lesen</translation>
        </message>
        <message>
            <source>Computing the new setup; the last result stays on screen until it is ready</source>
            <translation>Das neue Setup wird berechnet; das letzte Ergebnis bleibt sichtbar, bis es fertig ist</translation>
        </message>
        <message numerus="yes">
            <source>Computing… %n step(s) done</source>
            <translation>
                <numerusform>Berechnung… %n Schritt fertig</numerusform>
                <numerusform>Berechnung… %n Schritte fertig</numerusform>
            </translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>Berechnung…</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Lektion</translation>
        </message>
        <message>
            <source>&amp;Open spec…</source>
            <translation>Spec ö&amp;ffnen…</translation>
        </message>
        <message>
            <source>Load a spec.json with its inputs and weights</source>
            <translation>Eine spec.json mit ihren Eingaben und Gewichten laden</translation>
        </message>
        <message>
            <source>Open &amp;Keras model…</source>
            <translation>&amp;Keras-Modell öffnen…</translation>
        </message>
        <message>
            <source>Step through a trained attention layer of a saved Keras model (.keras)</source>
            <translation>Eine trainierte Attention-Schicht eines gespeicherten Keras-Modells (.keras) schrittweise durchgehen</translation>
        </message>
        <message>
            <source>&amp;Save spec…</source>
            <translation>Spec &amp;speichern…</translation>
        </message>
        <message>
            <source>Write the current spec.json with its inputs and weights</source>
            <translation>Die aktuelle spec.json mit ihren Eingaben und Gewichten schreiben</translation>
        </message>
        <message>
            <source>&amp;Export heatmap…</source>
            <translation>Heatmap &amp;exportieren…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the inspector's heatmap as PNG, PDF or SVG</source>
            <translation>Die Heatmap des Inspektors als PNG, PDF oder SVG speichern</translation>
        </message>
        <message>
            <source>Export s&amp;tage…</source>
            <translation>&amp;Bühne exportieren…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Save the stage as PNG, PDF or SVG</source>
            <translation>Die Bühne als PNG, PDF oder SVG speichern</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Beenden</translation>
        </message>
        <message>
            <source>Quit attnviz</source>
            <translation>attnviz beenden</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>&amp;Präsentationsmodus</translation>
        </message>
        <message>
            <source>Full screen, big fonts, docks hidden; step with the keyboard</source>
            <translation>Vollbild, große Schrift, Docks ausgeblendet; mit der Tastatur weiterschalten</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Vergrößern</translation>
        </message>
        <message>
            <source>Ctrl+=</source>
            <translation>Ctrl+=</translation>
        </message>
        <message>
            <source>Larger fonts and cells</source>
            <translation>Größere Schrift und Zellen</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Ver&amp;kleinern</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>Smaller fonts and cells</source>
            <translation>Kleinere Schrift und Zellen</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>Zoom &amp;zurücksetzen</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Normal size</source>
            <translation>Normale Größe</translation>
        </message>
        <message>
            <source>&amp;Play / pause</source>
            <translation>&amp;Abspielen / Pause</translation>
        </message>
        <message>
            <source>Step through the computation</source>
            <translation>Die Berechnung Schritt für Schritt durchgehen</translation>
        </message>
        <message>
            <source>&amp;Next step</source>
            <translation>&amp;Nächster Schritt</translation>
        </message>
        <message>
            <source>Go to the next step</source>
            <translation>Zum nächsten Schritt</translation>
        </message>
        <message>
            <source>P&amp;revious step</source>
            <translation>&amp;Voriger Schritt</translation>
        </message>
        <message>
            <source>Go to the previous step</source>
            <translation>Zum vorigen Schritt</translation>
        </message>
        <message>
            <source>&amp;First step</source>
            <translation>&amp;Erster Schritt</translation>
        </message>
        <message>
            <source>Go to the first step</source>
            <translation>Zum ersten Schritt</translation>
        </message>
        <message>
            <source>&amp;Last step</source>
            <translation>&amp;Letzter Schritt</translation>
        </message>
        <message>
            <source>Go to the last step</source>
            <translation>Zum letzten Schritt</translation>
        </message>
        <message>
            <source>Re&amp;play animation</source>
            <translation>Animation &amp;wiederholen</translation>
        </message>
        <message>
            <source>Play this step's animation again</source>
            <translation>Die Animation dieses Schritts erneut abspielen</translation>
        </message>
        <message>
            <source>Scrub &amp;back</source>
            <translation>&amp;Zurückspulen</translation>
        </message>
        <message>
            <source>Move the animation back by 5 %</source>
            <translation>Die Animation um 5 % zurückbewegen</translation>
        </message>
        <message>
            <source>Scrub &amp;forward</source>
            <translation>&amp;Vorspulen</translation>
        </message>
        <message>
            <source>Move the animation forward by 5 %</source>
            <translation>Die Animation um 5 % vorbewegen</translation>
        </message>
        <message>
            <source>&amp;About attnviz</source>
            <translation>&amp;Über attnviz</translation>
        </message>
        <message>
            <source>What attnviz is</source>
            <translation>Was attnviz ist</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>Präsentationsmodus verlassen</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Datei</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>&amp;Zuletzt geöffnet</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Bearbeiten</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ansicht</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>&amp;Schritt</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Hilfe</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n step(s) · %2 FLOPs · computed in %3 ms</source>
            <translation>
                <numerusform>%1 · %n Schritt · %2 FLOPs · berechnet in %3 ms</numerusform>
                <numerusform>%1 · %n Schritte · %2 FLOPs · berechnet in %3 ms</numerusform>
            </translation>
        </message>
        <message>
            <source>NOT KERAS: 1/√dₖ turned off (1/√dₖ lab)</source>
            <translation>NICHT KERAS: 1/√dₖ ausgeschaltet (1/√dₖ-Labor)</translation>
        </message>
        <message>
            <source>Not recomputed: %1 (the last good result stays on screen)</source>
            <translation>Nicht neu berechnet: %1 (das letzte gültige Ergebnis bleibt sichtbar)</translation>
        </message>
        <message>
            <source>%1 has %2 NaN and %3 Inf values (magenta)</source>
            <translation>%1 hat %2 NaN- und %3 Inf-Werte (magenta)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Status</translation>
        </message>
        <message>
            <source>An unsaved session from %1 was kept in %2</source>
            <translation>Eine ungespeicherte Sitzung vom %1 wurde in %2 aufbewahrt</translation>
        </message>
        <message>
            <source>Restored your unsaved session from %1</source>
            <translation>Ihre ungespeicherte Sitzung vom %1 wurde wiederhergestellt</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>%1 konnte nicht geöffnet werden: %2</translation>
        </message>
        <message>
            <source>Open spec</source>
            <translation>Spec öffnen</translation>
        </message>
        <message>
            <source>Layer specs (*.json);;All files (*)</source>
            <translation>Schicht-Specs (*.json);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Could not open %1:
%2</source>
            <translation>%1 konnte nicht geöffnet werden:
%2</translation>
        </message>
        <message>
            <source>Reading layer '%1' of %2 (its weights are read in a separate process)…</source>
            <translation>Schicht '%1' von %2 wird gelesen (ihre Gewichte werden in einem eigenen Prozess gelesen)…</translation>
        </message>
        <message>
            <source>Layer '%1' of %2: trained weights from the file, inputs at its widths</source>
            <translation>Schicht '%1' von %2: trainierte Gewichte aus der Datei, Eingaben in ihren Breiten</translation>
        </message>
        <message>
            <source>Open Keras model</source>
            <translation>Keras-Modell öffnen</translation>
        </message>
        <message>
            <source>Keras models (*.keras);;All files (*)</source>
            <translation>Keras-Modelle (*.keras);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Save spec</source>
            <translation>Spec speichern</translation>
        </message>
        <message>
            <source>Layer specs (*.json)</source>
            <translation>Schicht-Specs (*.json)</translation>
        </message>
        <message>
            <source>Could not save %1:
%2</source>
            <translation>%1 konnte nicht gespeichert werden:
%2</translation>
        </message>
        <message>
            <source>Saved %1 (with its inputs and weights beside it)</source>
            <translation>%1 gespeichert (mit seinen Eingaben und Gewichten daneben)</translation>
        </message>
        <message>
            <source>Choose the %1 .npy</source>
            <translation>Die .npy für %1 wählen</translation>
        </message>
        <message>
            <source>NumPy arrays (*.npy);;All files (*)</source>
            <translation>NumPy-Arrays (*.npy);;Alle Dateien (*)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 gespeichert</translation>
        </message>
        <message>
            <source>Export stage</source>
            <translation>Bühne exportieren</translation>
        </message>
        <message>
            <source>Export heatmap</source>
            <translation>Heatmap exportieren</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>PNG-Bild (*.png);;PDF-Dokument (*.pdf);;SVG-Zeichnung (*.svg)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportieren</translation>
        </message>
        <message>
            <source>About attnviz</source>
            <translation>Über attnviz</translation>
        </message>
        <message>
            <source>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Keras' three attention layers — MultiHeadAttention, Attention and AdditiveAttention — computed exactly as Keras 3 does, one operation at a time: every tensor with its shape, its formula and the Keras code that produces it.&lt;/p&gt;&lt;p&gt;Keys: Space play/pause, Left/Right step, Home/End first/last, R replay, [ and ] scrub, F5 presentation, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Die drei Attention-Schichten von Keras — MultiHeadAttention, Attention und AdditiveAttention — genau so berechnet wie in Keras 3, eine Operation nach der anderen: jeder Tensor mit seiner Form, seiner Formel und dem Keras-Code, der ihn erzeugt.&lt;/p&gt;&lt;p&gt;Tasten: Leertaste Abspielen/Pause, Links/Rechts Schritt, Pos1/Ende erster/letzter, R wiederholen, [ und ] spulen, F5 Präsentation, Ctrl+= / Ctrl+- Zoom.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2 und QCustomPlot.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Step %1 of %2 — %3 · %4 · %5 %6</source>
            <translation>Schritt %1 von %2 — %3 · %4 · %5 %6</translation>
        </message>
        <message>
            <source>the folder %1 does not exist</source>
            <translation>der Ordner %1 existiert nicht</translation>
        </message>
        <message>
            <source>the folder %1 is not writable</source>
            <translation>der Ordner %1 ist nicht beschreibbar</translation>
        </message>
        <message>
            <source>the file exists and is read-only</source>
            <translation>die Datei existiert und ist schreibgeschützt</translation>
        </message>
        <message>
            <source>use a .png, .pdf or .svg name, and check the disk has space</source>
            <translation>verwenden Sie einen Namen mit .png, .pdf oder .svg und prüfen Sie, ob die Platte Platz hat</translation>
        </message>
        <message>
            <source>Could not write %1: %2.</source>
            <translation>%1 konnte nicht geschrieben werden: %2.</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Wird gelesen…</translation>
        </message>
        <message>
            <source>Query–key space</source>
            <translation>Query-Key-Raum</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane (a PCA): a query lies near the keys it attends to</source>
            <translation>Die Queries und Keys jedes Kopfs als Punkte in einer Ebene (eine PCA): Eine Query liegt nahe bei den Keys, die sie beachtet</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Training</translation>
        </message>
        <message>
            <source>Train a small model on a toy task and watch its heads learn</source>
            <translation>Ein kleines Modell auf einer Spielaufgabe trainieren und seinen Köpfen beim Lernen zusehen</translation>
        </message>
        <message>
            <source>Stage, timeline, inspector, Compare and Weights show the trained model's block 1 on the probe example: forward, then backward from the model's own gradient at the block's output.</source>
            <translation>Bühne, Zeitleiste, Inspektor, Vergleich und Gewichte zeigen Block 1 des trainierten Modells auf dem Probebeispiel: vorwärts, dann rückwärts vom eigenen Gradienten des Modells am Ausgang des Blocks.</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>&amp;Training</translation>
        </message>
        <message>
            <source>&amp;Query–key space</source>
            <translation>&amp;Query-Key-Raum</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane; hover a query for its keys</source>
            <translation>Die Queries und Keys jedes Kopfs als Punkte in einer Ebene; zeigen Sie auf eine Query, um ihre Keys zu sehen</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::QkSpaceView</name>
        <message>
            <source>Head</source>
            <translation>Kopf</translation>
        </message>
        <message>
            <source>Which head's queries and keys are shown</source>
            <translation>Wessen Kopfs Queries und Keys gezeigt werden</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Batch</translation>
        </message>
        <message>
            <source>The query–key space of one head, after AttentionViz: every query (circle) and key (triangle) of the head as a point, in the plane that shows most of their spread (a PCA of both together). For dot-product scores the keys are first moved by mean(q) − mean(k); that adds the same amount to every score of a query's row, so the attention is unchanged, and a query then lies near the keys it scores highest. Hover a query to see the keys it attends to most.</source>
            <translation>Der Query-Key-Raum eines Kopfs, nach AttentionViz: jede Query (Kreis) und jeder Key (Dreieck) des Kopfs als Punkt, in der Ebene, die den größten Teil ihrer Streuung zeigt (eine PCA beider zusammen). Bei Skalarprodukt-Scores werden die Keys zuerst um mean(q) − mean(k) verschoben; das addiert zu jedem Score einer Query-Zeile denselben Betrag, die Attention bleibt also gleich, und eine Query liegt dann nahe bei den Keys, denen sie die höchsten Scores gibt. Zeigen Sie auf eine Query, um die Keys zu sehen, die sie am meisten beachtet.</translation>
        </message>
        <message>
            <source>No query–key space</source>
            <translation>Kein Query-Key-Raum</translation>
        </message>
        <message>
            <source>No trace yet</source>
            <translation>Noch kein Trace</translation>
        </message>
        <message>
            <source>%1 — head %2: queries from “%3”, keys from “%4”</source>
            <translation>%1 — Kopf %2: Queries aus „%3“, Keys aus „%4“</translation>
        </message>
        <message>
            <source>%1: queries from “%2”, keys from “%3” (no projections: the inputs themselves)</source>
            <translation>%1: Queries aus „%2“, Keys aus „%3“ (keine Projektionen: die Eingaben selbst)</translation>
        </message>
        <message>
            <source>queries q (circles)</source>
            <translation>Queries q (Kreise)</translation>
        </message>
        <message>
            <source>keys k − mean(k) + mean(q) (triangles)</source>
            <translation>Keys k − mean(k) + mean(q) (Dreiecke)</translation>
        </message>
        <message>
            <source>keys k (triangles)</source>
            <translation>Keys k (Dreiecke)</translation>
        </message>
        <message>
            <source>PC 2 (%1 % of the spread)</source>
            <translation>HK 2 (%1 % der Streuung)</translation>
        </message>
        <message>
            <source>PC 2 (the points lie on a line)</source>
            <translation>HK 2 (die Punkte liegen auf einer Geraden)</translation>
        </message>
        <message>
            <source>PC 1 (%1 % of the spread)</source>
            <translation>HK 1 (%1 % der Streuung)</translation>
        </message>
        <message>
            <source>PC 1 (all points coincide)</source>
            <translation>HK 1 (alle Punkte fallen zusammen)</translation>
        </message>
        <message>
            <source>This is AttentionViz's trick: the two clouds now share a centre, so distances between them can be compared. Attention follows q·k, not distance, so “near” is a rough guide only. The scores recomputed from these vectors match the trace %1.</source>
            <translation>Das ist der Trick von AttentionViz: Die beiden Wolken haben jetzt denselben Mittelpunkt, also lassen sich Abstände zwischen ihnen vergleichen. Die Attention folgt q·k, nicht dem Abstand, „nah“ ist also nur ein grober Anhaltspunkt. Die aus diesen Vektoren neu berechneten Scores stimmen %1 mit dem Trace überein.</translation>
        </message>
        <message>
            <source>exactly</source>
            <translation>genau</translation>
        </message>
        <message>
            <source>within %1</source>
            <translation>bis auf %1</translation>
        </message>
        <message>
            <source>The two axes are the directions of largest spread of all %1 points (a PCA); other directions are not shown. Hover a query (circle) to see the %2 keys it attends to most, with their weights.</source>
            <translation>Die beiden Achsen sind die Richtungen der größten Streuung aller %1 Punkte (eine PCA); andere Richtungen werden nicht gezeigt. Zeigen Sie auf eine Query (Kreis), um die %2 Keys zu sehen, die sie am meisten beachtet, mit ihren Gewichten.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ScalingLabView</name>
        <message>
            <source>Not Keras: turn 1/√dₖ off in the stage too</source>
            <translation>Nicht Keras: 1/√dₖ auch auf der Bühne ausschalten</translation>
        </message>
        <message>
            <source>Watch the softmax saturate step by step on the stage</source>
            <translation>Auf der Bühne Schritt für Schritt zusehen, wie die Softmax sättigt</translation>
        </message>
        <message>
            <source>A what-if that Keras never does: MultiHeadAttention and GroupQueryAttention are recomputed without 1/√key_dim, so the scores are the raw q·k. The stage, the status line and the formula say “not Keras” while it is on.</source>
            <translation>Ein Was-wäre-wenn, das Keras nie tut: MultiHeadAttention und GroupQueryAttention werden ohne 1/√key_dim neu berechnet, die Scores sind also das rohe q·k. Bühne, Statuszeile und Formel sagen „nicht Keras“, solange es an ist.</translation>
        </message>
        <message>
            <source>Why MultiHeadAttention divides q·k by √key_dim: random unit-normal q and k at every key_dim from 1 to 1024, scored with (blue) and without (red) the scaling. The large dots are the current layer's own numbers.</source>
            <translation>Warum MultiHeadAttention q·k durch √key_dim teilt: zufällige standardnormalverteilte q und k bei jedem key_dim von 1 bis 1024, bewertet mit (blau) und ohne (rot) Skalierung. Die großen Punkte sind die Zahlen der aktuellen Schicht.</translation>
        </message>
        <message>
            <source>key_dim d</source>
            <translation>key_dim d</translation>
        </message>
        <message>
            <source>q·k (no scaling)</source>
            <translation>q·k (ohne Skalierung)</translation>
        </message>
        <message>
            <source>q·k / √d (Keras)</source>
            <translation>q·k / √d (Keras)</translation>
        </message>
        <message>
            <source>Each point: 64 rows of 16 keys, q and k drawn from N(0, 1) (seed 1). Without the scaling (red) the spread grows like √d and the softmax saturates: one weight near 1, entropy and gradient near 0. With it (blue) nothing depends on d.</source>
            <translation>Jeder Punkt: 64 Zeilen mit je 16 Keys, q und k aus N(0, 1) gezogen (Seed 1). Ohne Skalierung (rot) wächst die Streuung wie √d und die Softmax sättigt: ein Gewicht nahe 1, Entropie und Gradient nahe 0. Mit ihr (blau) hängt nichts von d ab.</translation>
        </message>
        <message>
            <source>This layer (key_dim %1): logits spread %2 scaled, %3 unscaled; largest weight %4 scaled, %5 unscaled.</source>
            <translation>Diese Schicht (key_dim %1): Streuung der Logits %2 skaliert, %3 unskaliert; größtes Gewicht %4 skaliert, %5 unskaliert.</translation>
        </message>
        <message>
            <source>This layer has no dot-product scores to mark.</source>
            <translation>Diese Schicht hat keine Skalarprodukt-Scores zum Markieren.</translation>
        </message>
        <message>
            <source>NOT KERAS: the stage now runs this layer without 1/√dₖ.</source>
            <translation>NICHT KERAS: Die Bühne rechnet diese Schicht jetzt ohne 1/√dₖ.</translation>
        </message>
        <message>
            <source>this layer, no scaling</source>
            <translation>diese Schicht, ohne Skalierung</translation>
        </message>
        <message>
            <source>this layer, scaled</source>
            <translation>diese Schicht, skaliert</translation>
        </message>
        <message>
            <source>The curves draw q and k from N(0, 1); this layer's q and k have standard deviations %1 and %2, so its logits spread about σ_q·σ_k·√d = %3·√d.</source>
            <translation>Die Kurven ziehen q und k aus N(0, 1); q und k dieser Schicht haben die Standardabweichungen %1 und %2, ihre Logits streuen also etwa σ_q·σ_k·√d = %3·√d.</translation>
        </message>
        <message>
            <source>That is less than the curves assume: its softmax is less saturated than theirs at the same d (a lower top weight, a higher entropy and gradient), with and without the scaling.</source>
            <translation>Das ist weniger, als die Kurven annehmen: Ihre Softmax ist beim selben d weniger gesättigt (ein kleineres Spitzengewicht, eine höhere Entropie und ein größerer Gradient), mit und ohne Skalierung.</translation>
        </message>
        <message>
            <source>That is more than the curves assume: its softmax is more saturated than theirs at the same d.</source>
            <translation>Das ist mehr, als die Kurven annehmen: Ihre Softmax ist beim selben d stärker gesättigt.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupCarried</name>
        <message>
            <source>Keras' initializers from seed %1</source>
            <translation>Initialisierer von Keras aus Seed %1</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>Schicht %1 von %2</translation>
        </message>
        <message>
            <source>the opened spec</source>
            <translation>die geöffnete Spec</translation>
        </message>
        <message>
            <source>Weights: from %1</source>
            <translation>Gewichte: aus %1</translation>
        </message>
        <message>
            <source>Weights: %1</source>
            <translation>Gewichte: %1</translation>
        </message>
        <message>
            <source>; edited: %1</source>
            <translation>; bearbeitet: %1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>The weights from %1 do not fit these settings and are kept aside (they are used again when the sizes fit): %2.</source>
            <translation>Die Gewichte aus %1 passen nicht zu diesen Einstellungen und werden beiseitegelegt (sie werden wieder verwendet, wenn die Größen passen): %2.</translation>
        </message>
        <message>
            <source>Edited %1 kept aside: not a weight of this shape now.</source>
            <translation>Bearbeitetes %1 beiseitegelegt: jetzt kein Gewicht dieser Form.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupPanel</name>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;: %2</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Schicht</translation>
        </message>
        <message>
            <source>Sizes</source>
            <translation>Größen</translation>
        </message>
        <message>
            <source>Masks</source>
            <translation>Masken</translation>
        </message>
        <message>
            <source>Dropout and seed</source>
            <translation>Dropout und Seed</translation>
        </message>
        <message>
            <source>e.g. 3 4</source>
            <translation>z. B. 3 4</translation>
        </message>
        <message>
            <source>Where the layer's weights come from: a weights file, a trained layer of a saved Keras model, Keras' initializers drawn from the seed, or edits in the Weights tab. Loaded weights that no longer fit the layer are kept aside, and used again when the sizes fit them.</source>
            <translation>Woher die Gewichte der Schicht kommen: eine Gewichtsdatei, eine trainierte Schicht eines gespeicherten Keras-Modells, die Initialisierer von Keras aus dem Seed oder Bearbeitungen im Tab Gewichte. Geladene Gewichte, die nicht mehr zur Schicht passen, werden beiseitegelegt und wieder verwendet, sobald die Größen passen.</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>Verwerfen</translation>
        </message>
        <message>
            <source>Stop using the masks that came with the spec</source>
            <translation>Die Masken, die mit der Spec kamen, nicht mehr verwenden</translation>
        </message>
        <message>
            <source>Memory the trace of this setup needs (every intermediate kept), against the memory budget; larger setups are refused before anything is computed</source>
            <translation>Speicher, den der Trace dieses Setups braucht (jedes Zwischenergebnis aufbewahrt), gemessen am Speicherbudget; größere Setups werden abgelehnt, bevor etwas berechnet wird</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Eingaben</translation>
        </message>
        <message>
            <source>Random (from the seed)</source>
            <translation>Zufällig (aus dem Seed)</translation>
        </message>
        <message>
            <source>Typed sentence</source>
            <translation>Getippter Satz</translation>
        </message>
        <message>
            <source>Edit a table</source>
            <translation>Tabelle bearbeiten</translation>
        </message>
        <message>
            <source>.npy files</source>
            <translation>.npy-Dateien</translation>
        </message>
        <message>
            <source>Standard-normal values drawn from the seed.</source>
            <translation>Standardnormalverteilte Werte aus dem Seed.</translation>
        </message>
        <message>
            <source>same as query (self-attention)</source>
            <translation>wie die Query (Self-Attention)</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Doppelklicken Sie auf eine Zelle, um einen Wert einzugeben; die Schicht rechnet sofort neu</translation>
        </message>
        <message>
            <source>The query input (Keras: &lt;code&gt;query&lt;/code&gt;), one row per position and batch row; double-click a cell to type a value.</source>
            <translation>Die Query-Eingabe (Keras: &lt;code&gt;query&lt;/code&gt;), eine Zeile pro Position und Batch-Zeile; doppelklicken Sie auf eine Zelle, um einen Wert einzugeben.</translation>
        </message>
        <message>
            <source>The value input (Keras: &lt;code&gt;value&lt;/code&gt;, also the key when there is no key), one row per position and batch row.</source>
            <translation>Die Value-Eingabe (Keras: &lt;code&gt;value&lt;/code&gt;, auch der Key, wenn es keinen Key gibt), eine Zeile pro Position und Batch-Zeile.</translation>
        </message>
        <message>
            <source>query</source>
            <translation>Query</translation>
        </message>
        <message>
            <source>value</source>
            <translation>Value</translation>
        </message>
        <message>
            <source>Refill from the seed</source>
            <translation>Aus dem Seed neu füllen</translation>
        </message>
        <message>
            <source>Replace the table with the random inputs of the current seed</source>
            <translation>Die Tabelle durch die Zufallseingaben des aktuellen Seeds ersetzen</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>optional</translation>
        </message>
        <message>
            <source>path to .npy</source>
            <translation>Pfad zur .npy</translation>
        </message>
        <message>
            <source>A float32 or float64 .npy of shape [B, length, features]</source>
            <translation>Eine float32- oder float64-.npy der Form [B, length, features]</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>Choose the %1 .npy file</source>
            <translation>Die .npy-Datei für %1 wählen</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>Schicht %1 von %2</translation>
        </message>
        <message>
            <source>%1 does not divide num_query_heads = %2. Valid choices: %3.</source>
            <translation>%1 teilt num_query_heads = %2 nicht. Gültige Werte: %3.</translation>
        </message>
        <message>
            <source>the typed %1 sentence</source>
            <translation>der getippte %1-Satz</translation>
        </message>
        <message>
            <source>the edited %1 table</source>
            <translation>die bearbeitete %1-Tabelle</translation>
        </message>
        <message>
            <source>the spec's %1</source>
            <translation>das %1 der Spec</translation>
        </message>
        <message>
            <source>Trace: about %1 — over the %2 memory budget</source>
            <translation>Trace: etwa %1 — über dem Speicherbudget von %2</translation>
        </message>
        <message>
            <source>Trace: about %1 of the %2 memory budget</source>
            <translation>Trace: etwa %1 des Speicherbudgets von %2</translation>
        </message>
        <message>
            <source>%1 is outside the %2 table (%3 rows × %4 columns); choose inputs=table first.</source>
            <translation>%1 liegt außerhalb der %2-Tabelle (%3 Zeilen × %4 Spalten); wählen Sie zuerst inputs=table.</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number.</source>
            <translation>%1: „%2“ ist keine Zahl.</translation>
        </message>
        <message>
            <source>%1 is one of %2. Received: %3</source>
            <translation>%1 ist eines von %2. Erhalten: %3</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>%1 takes a whole number from %2 to %3. Received: %4</source>
            <translation>%1 nimmt eine ganze Zahl von %2 bis %3. Erhalten: %4</translation>
        </message>
        <message>
            <source>%1 takes a number from %2 to %3. Received: %4</source>
            <translation>%1 nimmt eine Zahl von %2 bis %3. Erhalten: %4</translation>
        </message>
        <message>
            <source>%1 takes true or false. Received: %2</source>
            <translation>%1 nimmt true oder false. Erhalten: %2</translation>
        </message>
        <message>
            <source>No setting “%1”; known: %2</source>
            <translation>Keine Einstellung „%1“; bekannt: %2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>The spec's %1 no longer fit batch %2 × query %3 × source %4 and were dropped.</source>
            <translation>Die %1 der Spec passen nicht mehr zu Batch %2 × Query %3 × Quelle %4 und wurden verworfen.</translation>
        </message>
        <message>
            <source>per-batch query_mask</source>
            <translation>query_mask pro Batch</translation>
        </message>
        <message>
            <source>per-batch value_mask</source>
            <translation>value_mask pro Batch</translation>
        </message>
        <message>
            <source>From the spec: %1</source>
            <translation>Aus der Spec: %1</translation>
        </message>
        <message>
            <source>The query sentence is empty: type at least one word.</source>
            <translation>Der Query-Satz ist leer: Geben Sie mindestens ein Wort ein.</translation>
        </message>
        <message>
            <source>Choose a .npy file for %1.</source>
            <translation>Wählen Sie eine .npy-Datei für %1.</translation>
        </message>
        <message>
            <source>%1 was not read.</source>
            <translation>%1 wurde nicht gelesen.</translation>
        </message>
        <message>
            <source>(from the spec)</source>
            <translation>(aus der Spec)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StageView</name>
        <message>
            <source>Predict the result, then Reveal.</source>
            <translation>Sagen Sie das Ergebnis vorher, dann Auflösen.</translation>
        </message>
        <message>
            <source>attnviz stage</source>
            <translation>attnviz-Bühne</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StepTimeline</name>
        <message>
            <source>First step (Home)</source>
            <translation>Erster Schritt (Pos1)</translation>
        </message>
        <message>
            <source>Previous step (Left)</source>
            <translation>Voriger Schritt (Links)</translation>
        </message>
        <message>
            <source>Play / pause (Space)</source>
            <translation>Abspielen / Pause (Leertaste)</translation>
        </message>
        <message>
            <source>Next step (Right)</source>
            <translation>Nächster Schritt (Rechts)</translation>
        </message>
        <message>
            <source>Last step (End)</source>
            <translation>Letzter Schritt (Ende)</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Abspielgeschwindigkeit</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Step 88 of 88</source>
            <translation>Schritt 88 von 88</translation>
        </message>
        <message>
            <source>The steps of the computation. Click one to jump there.</source>
            <translation>Die Schritte der Berechnung. Klicken Sie auf einen, um dorthin zu springen.</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Tempo:</translation>
        </message>
        <message>
            <source>No steps</source>
            <translation>Keine Schritte</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Schritt %1 von %2</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::TensorEditModel</name>
        <message>
            <source>b%1 · %2</source>
            <translation>b%1 · %2</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::TensorSliceModel</name>
        <message>
            <source>Σ row</source>
            <translation>Σ Zeile</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::TraceModel</name>
        <message>
            <source>%1. %2
%3</source>
            <translation>%1. %2
%3</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;%3 %4&lt;br&gt;%5</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt;&lt;br&gt;%3 %4&lt;br&gt;%5</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::TrainView</name>
        <message>
            <source>Reveal the pattern to expect</source>
            <translation>Das zu erwartende Muster auflösen</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>Residual (Add)</translation>
        </message>
        <message>
            <source>LayerNorm</source>
            <translation>LayerNorm</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Abspielen</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Zurücksetzen</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>Log-Skala</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Aufgabe</translation>
        </message>
        <message>
            <source>Said after training, so that you can predict it first</source>
            <translation>Wird nach dem Training gesagt, damit Sie es vorher vorhersagen können</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modell</translation>
        </message>
        <message>
            <source>Every block trains this layer with these options: change them in Setup</source>
            <translation>Jeder Block trainiert diese Schicht mit diesen Optionen: Ändern Sie sie im Setup</translation>
        </message>
        <message>
            <source>Layer (Setup):</source>
            <translation>Schicht (Setup):</translation>
        </message>
        <message>
            <source>Blocks:</source>
            <translation>Blöcke:</translation>
        </message>
        <message>
            <source>Embed width:</source>
            <translation>Einbettungsbreite:</translation>
        </message>
        <message>
            <source>Vocabulary:</source>
            <translation>Vokabular:</translation>
        </message>
        <message>
            <source>Length:</source>
            <translation>Länge:</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Batch:</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Seed:</translation>
        </message>
        <message>
            <source>Adam's learning rate; change it while training and the next step uses it</source>
            <translation>Die Lernrate von Adam; ändern Sie sie während des Trainings, und der nächste Schritt verwendet sie</translation>
        </message>
        <message>
            <source>Learning rate:</source>
            <translation>Lernrate:</translation>
        </message>
        <message>
            <source>a = Add()([x, attention(x)]): the block's input is added back</source>
            <translation>a = Add()([x, attention(x)]): Die Eingabe des Blocks wird wieder addiert</translation>
        </message>
        <message>
            <source>a = LayerNormalization(epsilon=1e-3)(a)</source>
            <translation>a = LayerNormalization(epsilon=1e-3)(a)</translation>
        </message>
        <message>
            <source>Play / pause training (Space)</source>
            <translation>Training abspielen / pausieren (Leertaste)</translation>
        </message>
        <message>
            <source>One update: a batch, its loss, the gradients, one Adam step</source>
            <translation>Ein Update: ein Batch, sein Verlust, die Gradienten, ein Adam-Schritt</translation>
        </message>
        <message>
            <source>Back to the initial weights: the same seed gives the same curve again</source>
            <translation>Zurück zu den Anfangsgewichten: Derselbe Seed ergibt wieder dieselbe Kurve</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Tempo:</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 Schritte/s</translation>
        </message>
        <message>
            <source>50 steps/s</source>
            <translation>50 Schritte/s</translation>
        </message>
        <message>
            <source>200 steps/s</source>
            <translation>200 Schritte/s</translation>
        </message>
        <message>
            <source>as fast as it goes</source>
            <translation>so schnell es geht</translation>
        </message>
        <message>
            <source>Take it home</source>
            <translation>Mitnehmen</translation>
        </message>
        <message>
            <source>Trained layer weights (weights.npz, for Setup)…</source>
            <translation>Trainierte Schichtgewichte (weights.npz, für das Setup)…</translation>
        </message>
        <message>
            <source>The run as a train.json bundle…</source>
            <translation>Der Lauf als train.json-Bündel…</translation>
        </message>
        <message>
            <source>Keras training script…</source>
            <translation>Keras-Trainingsskript…</translation>
        </message>
        <message>
            <source>PyTorch training script…</source>
            <translation>PyTorch-Trainingsskript…</translation>
        </message>
        <message>
            <source>Trained model as .keras…</source>
            <translation>Trainiertes Modell als .keras…</translation>
        </message>
        <message>
            <source>step</source>
            <translation>Schritt</translation>
        </message>
        <message>
            <source>loss (cross-entropy)</source>
            <translation>Verlust (Kreuzentropie)</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>Genauigkeit</translation>
        </message>
        <message>
            <source>Probe:</source>
            <translation>Probe:</translation>
        </message>
        <message>
            <source>The example whose attention is drawn: token ids separated by spaces</source>
            <translation>Das Beispiel, dessen Attention gezeichnet wird: Token-IDs, durch Leerzeichen getrennt</translation>
        </message>
        <message>
            <source>The probe's attention weights in every head of every block (rows: queries, columns: keys; 0–1 viridis)</source>
            <translation>Die Attention-Gewichte der Probe in jedem Kopf jedes Blocks (Zeilen: Queries, Spalten: Keys; 0–1 viridis)</translation>
        </message>
        <message>
            <source>‖gradient‖ of each weight (last step)</source>
            <translation>‖Gradient‖ jedes Gewichts (letzter Schritt)</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>Gewicht</translation>
        </message>
        <message>
            <source>‖g‖</source>
            <translation>‖g‖</translation>
        </message>
        <message>
            <source>At most %1 here: the small multiples stay readable and a step stays under a frame. Received: %2</source>
            <translation>Hier höchstens %1: Die kleinen Diagramme bleiben lesbar, und ein Schritt bleibt unter einem Frame. Erhalten: %2</translation>
        </message>
        <message>
            <source>A task needs at least 2 tokens. Received: %1</source>
            <translation>Eine Aufgabe braucht mindestens 2 Tokens. Erhalten: %1</translation>
        </message>
        <message>
            <source>lookup needs a key, its value and a query: length 3 or more. Received: %1</source>
            <translation>lookup braucht einen Key, seinen Value und eine Query: Länge 3 oder mehr. Erhalten: %1</translation>
        </message>
        <message>
            <source>lookup draws %1 distinct keys from the lower half of the vocabulary: it needs at least %2 tokens for length %3. Received: %4</source>
            <translation>lookup zieht %1 verschiedene Keys aus der unteren Hälfte des Vokabulars: Bei Länge %3 braucht es mindestens %2 Tokens. Erhalten: %4</translation>
        </message>
        <message>
            <source>lookup uses at most 128 tokens. Received: %1</source>
            <translation>lookup verwendet höchstens 128 Tokens. Erhalten: %1</translation>
        </message>
        <message>
            <source>induction repeats a first half: length 4 or more. Received: %1</source>
            <translation>induction wiederholt eine erste Hälfte: Länge 4 oder mehr. Erhalten: %1</translation>
        </message>
        <message>
            <source>, called with use_causal_mask=True (the task is causal)</source>
            <translation>, aufgerufen mit use_causal_mask=True (die Aufgabe ist kausal)</translation>
        </message>
        <message>
            <source>unknown task '%1'; known: %2</source>
            <translation>unbekannte Aufgabe '%1'; bekannt: %2</translation>
        </message>
        <message>
            <source>expected a number</source>
            <translation>Zahl erwartet</translation>
        </message>
        <message>
            <source>unknown setting; known: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</source>
            <translation>unbekannte Einstellung; bekannt: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</translation>
        </message>
        <message>
            <source>expected an integer</source>
            <translation>ganze Zahl erwartet</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Each token is an id from 0 to %1. Received: %2</source>
            <translation>Jedes Token ist eine ID von 0 bis %1. Erhalten: %2</translation>
        </message>
        <message>
            <source>The probe needs %1 tokens (the model's length). Received: %2</source>
            <translation>Die Probe braucht %1 Tokens (die Länge des Modells). Erhalten: %2</translation>
        </message>
        <message>
            <source>no temporary folder</source>
            <translation>kein temporärer Ordner</translation>
        </message>
        <message>
            <source>attnviz-trace could not write the .keras file: %1</source>
            <translation>attnviz-trace konnte die .keras-Datei nicht schreiben: %1</translation>
        </message>
        <message>
            <source>Trained layer weights</source>
            <translation>Trainierte Schichtgewichte</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>NumPy-Archiv (*.npz)</translation>
        </message>
        <message>
            <source>Folder for train.json and its data</source>
            <translation>Ordner für train.json und seine Daten</translation>
        </message>
        <message>
            <source>Keras training script</source>
            <translation>Keras-Trainingsskript</translation>
        </message>
        <message>
            <source>PyTorch training script</source>
            <translation>PyTorch-Trainingsskript</translation>
        </message>
        <message>
            <source>Python (*.py)</source>
            <translation>Python (*.py)</translation>
        </message>
        <message>
            <source>Trained model</source>
            <translation>Trainiertes Modell</translation>
        </message>
        <message>
            <source>Keras model (*.keras)</source>
            <translation>Keras-Modell (*.keras)</translation>
        </message>
        <message>
            <source>wrote %1</source>
            <translation>%1 geschrieben</translation>
        </message>
        <message>
            <source>could not write %1: %2</source>
            <translation>%1 konnte nicht geschrieben werden: %2</translation>
        </message>
        <message>
            <source> · %1 steps/s</source>
            <translation> · %1 Schritte/s</translation>
        </message>
        <message>
            <source>not trained yet</source>
            <translation>noch nicht trainiert</translation>
        </message>
        <message>
            <source>loss %1 · accuracy %2</source>
            <translation>Verlust %1 · Genauigkeit %2</translation>
        </message>
        <message>
            <source>step %1 · %2%3</source>
            <translation>Schritt %1 · %2%3</translation>
        </message>
        <message>
            <source>The pattern to expect: %1. Compare it with the heads drawn here.</source>
            <translation>Das zu erwartende Muster: %1. Vergleichen Sie es mit den hier gezeichneten Köpfen.</translation>
        </message>
        <message>
            <source>The pattern to expect is said after training: predict it first.</source>
            <translation>Das zu erwartende Muster wird nach dem Training gesagt: Sagen Sie es zuerst vorher.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::WeightsPanel</name>
        <message>
            <source>Keras name</source>
            <translation>Keras-Name</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>Form</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parameter</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Herkunft</translation>
        </message>
        <message>
            <source>Initializer</source>
            <translation>Initialisierer</translation>
        </message>
        <message>
            <source>weights.npz key</source>
            <translation>Schlüssel in weights.npz</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identität</translation>
        </message>
        <message>
            <source>Zeros</source>
            <translation>Nullen</translation>
        </message>
        <message>
            <source>Ones</source>
            <translation>Einsen</translation>
        </message>
        <message>
            <source>Redraw from seed</source>
            <translation>Aus dem Seed neu ziehen</translation>
        </message>
        <message>
            <source>The identity matrix, where the weight viewed as (inputs × outputs) is square</source>
            <translation>Die Einheitsmatrix, wo das Gewicht als (Eingaben × Ausgaben) betrachtet quadratisch ist</translation>
        </message>
        <message>
            <source>Keras' initializer, drawn from the setup's seed</source>
            <translation>Der Initialisierer von Keras, aus dem Seed des Setups gezogen</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Doppelklicken Sie auf eine Zelle, um einen Wert einzugeben; die Schicht rechnet sofort neu</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>bearbeitet</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt;: %n trainable weight(s), &lt;b&gt;%2&lt;/b&gt; parameters in all (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n trainierbares Gewicht, insgesamt &lt;b&gt;%2&lt;/b&gt; Parameter (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n trainierbare Gewichte, insgesamt &lt;b&gt;%2&lt;/b&gt; Parameter (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</numerusform>
            </translation>
        </message>
        <message>
            <source>The Transformer sub-layer's LayerNormalization adds %1 (a layer of its own).</source>
            <translation>Die LayerNormalization der Transformer-Unterschicht fügt %1 hinzu (eine eigene Schicht).</translation>
        </message>
        <message>
            <source>This layer has no weights with these settings (use_scale or score_mode="concat" give Attention its scalars).</source>
            <translation>Diese Schicht hat mit diesen Einstellungen keine Gewichte (use_scale oder score_mode="concat" geben Attention ihre Skalare).</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2, shown as %3 × %4 (rows: its inputs, columns: its outputs)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2, dargestellt als %3 × %4 (Zeilen: seine Eingaben, Spalten: seine Ausgaben)</translation>
        </message>
        <message>
            <source>The identity matrix: this weight passes its input through unchanged</source>
            <translation>Die Einheitsmatrix: Dieses Gewicht reicht seine Eingabe unverändert durch</translation>
        </message>
        <message>
            <source>No identity: %1.</source>
            <translation>Keine Identität: %1.</translation>
        </message>
        <message>
            <source>No weight is selected.</source>
            <translation>Kein Gewicht ausgewählt.</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>Identität</translation>
        </message>
        <message>
            <source>zeros</source>
            <translation>Nullen</translation>
        </message>
        <message>
            <source>ones</source>
            <translation>Einsen</translation>
        </message>
        <message>
            <source>redrawn from seed %1</source>
            <translation>aus Seed %1 neu gezogen</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::stage</name>
        <message>
            <source>row %1 of the logits (%2)</source>
            <translation>Zeile %1 der Logits (%2)</translation>
        </message>
        <message>
            <source>max %1</source>
            <translation>max %1</translation>
        </message>
        <message>
            <source>exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1</source>
            <translation>exp(s − max): das Zeilenmaximum %1 abziehen, damit exp nicht überläuft; das größte wird 1</translation>
        </message>
        <message>
            <source>÷ Σ = %1: the row now sums to 1 — these are the weights of row %2</source>
            <translation>÷ Σ = %1: Die Zeile summiert sich jetzt zu 1 — das sind die Gewichte von Zeile %2</translation>
        </message>
        <message>
            <source>The %1 largest weights, and the other %2 keys as one bar. </source>
            <translation>Die %1 größten Gewichte und die übrigen %2 Keys als ein Balken. </translation>
        </message>
        <message>
            <source>%1 removes %2</source>
            <translation>%1 entfernt %2</translation>
        </message>
        <message>
            <source>A pair may attend only where every part keeps it (1): %1 of %2 cells here; %3.</source>
            <translation>Ein Paar darf nur beachten, wo jeder Teil es behält (1): hier %1 von %2 Zellen; %3.</translation>
        </message>
        <message>
            <source>Cell by cell: %1 = %2.</source>
            <translation>Zelle für Zelle: %1 = %2.</translation>
        </message>
        <message>
            <source>A gate near 0 silences that channel of the head; near 1 it passes unchanged.</source>
            <translation>Ein Gate nahe 0 schaltet diesen Kanal des Kopfs stumm; nahe 1 geht er unverändert durch.</translation>
        </message>
        <message>
            <source>Cannot animate this step: %1</source>
            <translation>Dieser Schritt lässt sich nicht animieren: %1</translation>
        </message>
        <message>
            <source>Operands not available; showing the result only.</source>
            <translation>Operanden nicht verfügbar; nur das Ergebnis wird gezeigt.</translation>
        </message>
        <message>
            <source>batch %1</source>
            <translation>Batch %1</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>Kopf %1</translation>
        </message>
        <message>
            <source>The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. Keras folds this reshape into output_dense's einsum.</source>
            <translation>Die Kontexte der %1 Köpfe werden nebeneinandergelegt: [%2, %3 × %4] → [%2, %5]. Keras faltet dieses Reshape in das einsum von output_dense.</translation>
        </message>
        <message>
            <source>Every cell is multiplied by %1: %2 × %1 = %3.</source>
            <translation>Jede Zelle wird mit %1 multipliziert: %2 × %1 = %3.</translation>
        </message>
        <message>
            <source>dropout →</source>
            <translation>Dropout →</translation>
        </message>
        <message>
            <source>%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the expected sum stays the same. Training only.</source>
            <translation>%1 von %2 Gewichten verworfen (durchgestrichen); die behaltenen werden mit %3 skaliert, damit die erwartete Summe gleich bleibt. Nur im Training.</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Jede Zeile wird über ihre %1 Merkmale normalisiert: y = γ·(x − μ)/√(σ² + ε) + β.</translation>
        </message>
        <message>
            <source>broadcast from %1</source>
            <translation>gebroadcastet von %1</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): their logits become a large negative number, so softmax gives them weight 0.</source>
            <translation>%1 von %2 Zellen sind maskiert (Maske = 0): Ihre Logits werden zu einer großen negativen Zahl, also gibt ihnen die Softmax das Gewicht 0.</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): they are set to 0.</source>
            <translation>%1 von %2 Zellen sind maskiert (Maske = 0): Sie werden auf 0 gesetzt.</translation>
        </message>
        <message>
            <source>where</source>
            <translation>wo</translation>
        </message>
        <message>
            <source>… (%1 terms)</source>
            <translation>… (%1 Terme)</translation>
        </message>
        <message>
            <source>bias %1</source>
            <translation>Bias %1</translation>
        </message>
        <message>
            <source>Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).</source>
            <translation>Jede Zelle ist ein Skalarprodukt: eine Zeile von %1 mal eine Spalte von %2 (%3 Terme).</translation>
        </message>
        <message>
            <source>A Dense projection is one matrix product per token: x · W%1, all heads at once (the kernel is shown as a matrix of %2 × %3).</source>
            <translation>Eine Dense-Projektion ist ein Matrixprodukt pro Token: x · W%1, alle Köpfe auf einmal (der Kernel ist als Matrix von %2 × %3 dargestellt).</translation>
        </message>
        <message>
            <source> + b</source>
            <translation> + b</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>query head %1 ← head %2</source>
            <translation>Query-Kopf %1 ← Kopf %2</translation>
        </message>
        <message>
            <source>query heads %1–%2 ← head %3</source>
            <translation>Query-Köpfe %1–%2 ← Kopf %3</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis: %4.</source>
            <translation>ops.repeat kopiert jeden der %1 %2-Köpfe %3-mal entlang der Kopfachse: %4.</translation>
        </message>
        <message>
            <source>The selected query head %1 reads %2 head %3, shared with %4 other query head(s).</source>
            <translation>Der gewählte Query-Kopf %1 liest %2-Kopf %3, den er mit %4 anderen Query-Köpfen teilt.</translation>
        </message>
        <message>
            <source>%1 others</source>
            <translation>%1 weitere</translation>
        </message>
        <message>
            <source>%1[0]</source>
            <translation>%1[0]</translation>
        </message>
        <message>
            <source>q + k</source>
            <translation>q + k</translation>
        </message>
        <message>
            <source>tanh(scale·(q + k))</source>
            <translation>tanh(scale·(q + k))</translation>
        </message>
        <message>
            <source>tanh(q + k)</source>
            <translation>tanh(q + k)</translation>
        </message>
        <message>
            <source>w_c</source>
            <translation>w_c</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>Skalierung</translation>
        </message>
        <message>
            <source>%1 (scalar, shape %2)</source>
            <translation>%1 (Skalar, Form %2)</translation>
        </message>
        <message>
            <source> · tanh</source>
            <translation> · tanh</translation>
        </message>
        <message>
            <source>(the intermediate terms are not shown: this step's weights are not in the trace)</source>
            <translation>(die Zwischenterme werden nicht gezeigt: Die Gewichte dieses Schritts sind nicht im Trace)</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>Zeilen</translation>
        </message>
        <message>
            <source>columns</source>
            <translation>Spalten</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>von %1</translation>
        </message>
        <message>
            <source>in</source>
            <translation>ein</translation>
        </message>
        <message>
            <source>head·unit</source>
            <translation>Kopf·Einheit</translation>
        </message>
        <message>
            <source>out</source>
            <translation>aus</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>Gewicht %1</translation>
        </message>
        <message>
            <source>… and the same for every other cell (%1 of %2)</source>
            <translation>… und ebenso für jede andere Zelle (%1 von %2)</translation>
        </message>
        <message>
            <source>No step to show</source>
            <translation>Kein Schritt zum Anzeigen</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: row %2 has mean μ = %3 and σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Jede Zeile wird über ihre %1 Merkmale normalisiert: Zeile %2 hat den Mittelwert μ = %3 und σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>attnviz: --set %1: %2</source>
            <translation>attnviz: --set %1: %2</translation>
        </message>
        <message>
            <source>expected NAME=VALUE</source>
            <translation>erwartet NAME=WERT</translation>
        </message>
        <message>
            <source>attnviz: --lang: %1</source>
            <translation>attnviz: --lang: %1</translation>
        </message>
        <message>
            <source>Step through Keras' attention layers.</source>
            <translation>Die Attention-Schichten von Keras Schritt für Schritt durchgehen.</translation>
        </message>
        <message>
            <source>Render the window offscreen to a PNG and exit.</source>
            <translation>Das Fenster unsichtbar in ein PNG zeichnen und beenden.</translation>
        </message>
        <message>
            <source>The spec.json to load.</source>
            <translation>Die zu ladende spec.json.</translation>
        </message>
        <message>
            <source>The step to show (its key, e.g. weights).</source>
            <translation>Der zu zeigende Schritt (sein Schlüssel, z. B. weights).</translation>
        </message>
        <message>
            <source>Window size for --screenshot.</source>
            <translation>Fenstergröße für --screenshot.</translation>
        </message>
        <message>
            <source>With --screenshot: the view to show, one of %1 (default: stage).</source>
            <translation>Mit --screenshot: die zu zeigende Ansicht, eine von %1 (Standard: stage).</translation>
        </message>
        <message>
            <source>Start in presentation mode.</source>
            <translation>Im Präsentationsmodus starten.</translation>
        </message>
        <message>
            <source>Measure recompute and repaint times, then exit.</source>
            <translation>Neuberechnungs- und Neuzeichenzeiten messen, dann beenden.</translation>
        </message>
        <message>
            <source>Where the session autosave lives (default: $ATTNVIZ_STATE_DIR, else the app data folder).</source>
            <translation>Wo die automatische Sitzungssicherung liegt (Standard: $ATTNVIZ_STATE_DIR, sonst der Datenordner der App).</translation>
        </message>
        <message>
            <source>Set a setup field after start, as if typed: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Repeatable.</source>
            <translation>Ein Setup-Feld nach dem Start setzen, als wäre es getippt: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Wiederholbar.</translation>
        </message>
        <message>
            <source>With --lesson: the slide to show (1-based).</source>
            <translation>Mit --lesson: die zu zeigende Folie (ab 1 gezählt).</translation>
        </message>
        <message>
            <source>With --lesson --screenshot: reveal the question.</source>
            <translation>Mit --lesson --screenshot: die Frage auflösen.</translation>
        </message>
        <message>
            <source>With --lesson: render every slide and the answers into a PDF and exit.</source>
            <translation>Mit --lesson: alle Folien und die Antworten in ein PDF zeichnen und beenden.</translation>
        </message>
        <message>
            <source>Refuse setups whose trace needs more memory (e.g. 512M, 8G; default 4G).</source>
            <translation>Setups ablehnen, deren Trace mehr Speicher braucht (z. B. 512M, 8G; Standard 4G).</translation>
        </message>
        <message>
            <source>Threads for computing traces (0: every core; default: the compute/threads setting, else every core). The numbers do not depend on it.</source>
            <translation>Threads zum Berechnen der Traces (0: alle Kerne; Standard: die Einstellung compute/threads, sonst alle Kerne). Die Zahlen hängen nicht davon ab.</translation>
        </message>
        <message>
            <source>Colour probability steps from 0 to their top (largest value, or 99.5th percentile of 1000 or more) instead of 0–1.</source>
            <translation>Wahrscheinlichkeitsschritte von 0 bis zu ihrer Spitze färben (größter Wert oder, ab 1000 Werten, 99,5. Perzentil) statt 0–1.</translation>
        </message>
        <message>
            <source>The language of the window: en, de, fr, es or zh_CN (default: View ▸ Language, else the system's).</source>
            <translation>Die Sprache des Fensters: en, de, fr, es oder zh_CN (Standard: Ansicht ▸ Sprache, sonst die des Systems).</translation>
        </message>
        <message>
            <source>attnviz: --threads must be a number from 0 to 256. Received: %1</source>
            <translation>attnviz: --threads muss eine Zahl von 0 bis 256 sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>attnviz: --max-memory must be a positive size such as 512M, 1.5G or 8G (K, M, G, T are powers of 1024). Received: %1</source>
            <translation>attnviz: --max-memory muss eine positive Größe wie 512M, 1.5G oder 8G sein (K, M, G, T sind Potenzen von 1024). Erhalten: %1</translation>
        </message>
        <message>
            <source>attnviz: --slide must be a slide number from 1. Received: %1</source>
            <translation>attnviz: --slide muss eine Foliennummer ab 1 sein. Erhalten: %1</translation>
        </message>
        <message>
            <source>attnviz: --size must be WxH, e.g. 1280x800. Received: %1</source>
            <translation>attnviz: --size muss BxH sein, z. B. 1280x800. Erhalten: %1</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz: %1 ist nicht verwendbar: %2</translation>
        </message>
        <message>
            <source>With --lesson: a student's worksheet PDF (operands, questions, room to answer; no results, no answers) and exit.</source>
            <translation>Mit --lesson: ein Arbeitsblatt-PDF für Lernende (Operanden, Fragen, Platz für Antworten; keine Ergebnisse, keine Lösungen) erzeugen und beenden.</translation>
        </message>
        <message>
            <source>With --lesson: the teacher's answer key PDF (the class plan with each slide's minutes, presenter notes, answers with their reasoning) and exit.</source>
            <translation>Mit --lesson: das Lösungs-PDF für die Lehrkraft (der Stundenplan mit den Minuten jeder Folie, Notizen, Antworten mit Begründung) erzeugen und beenden.</translation>
        </message>
        <message>
            <source>attnviz: --%1 needs --lesson FILE</source>
            <translation>attnviz: --%1 braucht --lesson DATEI</translation>
        </message>
        <message>
            <source>Open this lesson: a Markdown file (see the README), or a bundled lesson by number (2) or name (02-why-scale).</source>
            <translation>Diese Lektion öffnen: eine Markdown-Datei (siehe README) oder eine mitgelieferte Lektion nach Nummer (2) oder Name (02-why-scale).</translation>
        </message>
        <message>
            <source>A spec to open (as --spec), or a lesson when it ends in .md (as --lesson).</source>
            <translation>Eine zu öffnende Spec (wie --spec) oder eine Lektion, wenn sie auf .md endet (wie --lesson).</translation>
        </message>
        <message>
            <source>attnviz: give one FILE, or --spec / --lesson. Received: %1</source>
            <translation>attnviz: Geben Sie eine DATEI an oder --spec / --lesson. Erhalten: %1</translation>
        </message>
        <message>
            <source>With --screenshot: train the Train view this many steps first (--view train shows it; another view shows the trained layer on the probe).</source>
            <translation>Mit --screenshot: die Trainingsansicht zuerst so viele Schritte trainieren (--view train zeigt sie; eine andere Ansicht zeigt die trainierte Schicht auf der Probe).</translation>
        </message>
        <message>
            <source>With --screenshot --view train: the task (copy, reverse, copy_previous, max, sort, lookup, induction).</source>
            <translation>Mit --screenshot --view train: die Aufgabe (copy, reverse, copy_previous, max, sort, lookup, induction).</translation>
        </message>
        <message>
            <source>attnviz: --train-steps must be 0 to 1000000. Received: %1</source>
            <translation>attnviz: --train-steps muss 0 bis 1000000 sein. Erhalten: %1</translation>
        </message>
    </context>
</TS>
