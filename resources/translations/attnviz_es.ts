<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AxisName</name>
        <message>
            <source>batch</source>
            <translation>lote</translation>
        </message>
        <message>
            <source>head</source>
            <translation>cabeza</translation>
        </message>
        <message>
            <source>query</source>
            <translation>consulta</translation>
        </message>
        <message>
            <source>source</source>
            <translation>origen</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>característica</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Out of memory while computing the trace. Use smaller sizes.</source>
            <translation>Memoria agotada al calcular la traza. Use tamaños más pequeños.</translation>
        </message>
    </context>
    <context>
        <name>CoreFormula</name>
        <message>
            <source>where</source>
            <translation>donde</translation>
        </message>
        <message>
            <source>if</source>
            <translation>si</translation>
        </message>
        <message>
            <source>else</source>
            <translation>si no</translation>
        </message>
        <message>
            <source>not Keras: Keras uses</source>
            <translation>no es Keras: Keras usa</translation>
        </message>
    </context>
    <context>
        <name>CoreText</name>
        <message>
            <source>Received: %1</source>
            <translation>Recibido: %1</translation>
        </message>
        <message>
            <source>%1 must be a positive integer. Received: %2</source>
            <translation>%1 debe ser un entero positivo. Recibido: %2</translation>
        </message>
        <message>
            <source>%1 must be a positive integer or None. Received: %2</source>
            <translation>%1 debe ser un entero positivo o None. Recibido: %2</translation>
        </message>
        <message>
            <source>`sliding_window` must be `None` or a positive integer. Received: %1</source>
            <translation>`sliding_window` debe ser `None` o un entero positivo. Recibido: %1</translation>
        </message>
        <message>
            <source>`num_query_heads` must be divisible by `num_key_value_heads`: with num_query_heads=%1, num_key_value_heads may be %2. Received: %3</source>
            <translation>`num_query_heads` debe ser divisible por `num_key_value_heads`: con num_query_heads=%1, num_key_value_heads puede ser %2. Recibido: %3</translation>
        </message>
        <message>
            <source>GroupQueryAttention has no value_dim or output_shape: values use head_dim and the output has the query's width.</source>
            <translation>GroupQueryAttention no tiene value_dim ni output_shape: los valores usan head_dim y la salida tiene el ancho de la consulta.</translation>
        </message>
        <message>
            <source>The Transformer sub-layer (Add &amp; LayerNormalization) follows MultiHeadAttention only.</source>
            <translation>La subcapa Transformer (Add &amp; LayerNormalization) solo sigue a MultiHeadAttention.</translation>
        </message>
        <message>
            <source>%1 has no use_gate argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 no tiene el argumento use_gate; MultiHeadAttention y GroupQueryAttention sí.</translation>
        </message>
        <message>
            <source>%1 has no sliding_window argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 no tiene el argumento sliding_window; MultiHeadAttention y GroupQueryAttention sí.</translation>
        </message>
        <message>
            <source>dropout must be a rate in [0, 1). Received: %1</source>
            <translation>dropout debe ser una tasa en [0, 1). Recibido: %1</translation>
        </message>
        <message>
            <source>The batch size must be positive. Received: %1</source>
            <translation>El tamaño del lote debe ser positivo. Recibido: %1</translation>
        </message>
        <message>
            <source>The query length must be positive. Received: %1</source>
            <translation>La longitud de la consulta debe ser positiva. Recibido: %1</translation>
        </message>
        <message>
            <source>The source length must be positive. Received: %1</source>
            <translation>La longitud de origen debe ser positiva. Recibido: %1</translation>
        </message>
        <message>
            <source>The %1 must be a rank-3 tensor %2. Received: %3</source>
            <translation>%1 debe ser un tensor de rango 3 %2. Recibido: %3</translation>
        </message>
        <message>
            <source>The %1 must have shape %2 %3. Received: %4</source>
            <translation>%1 debe tener la forma %2 %3. Recibido: %4</translation>
        </message>
        <message>
            <source>The %1 is empty: every dimension must be at least 1. Received: %2</source>
            <translation>%1 está vacío: cada dimensión debe ser al menos 1. Recibido: %2</translation>
        </message>
        <message>
            <source>The value's batch size must match the query's (%1). Received: %2</source>
            <translation>El tamaño de lote del valor debe coincidir con el de la consulta (%1). Recibido: %2</translation>
        </message>
        <message>
            <source>The key's batch size must match the query's (%1). Received: %2</source>
            <translation>El tamaño de lote de la clave debe coincidir con el de la consulta (%1). Recibido: %2</translation>
        </message>
        <message>
            <source>key and value must have the same length (source_len = %1). Received: %2</source>
            <translation>key y value deben tener la misma longitud (source_len = %1). Recibido: %2</translation>
        </message>
        <message>
            <source>There must be one query token per query row (%1). Received: %2</source>
            <translation>Debe haber un token de consulta por fila de consulta (%1). Recibido: %2</translation>
        </message>
        <message>
            <source>There must be one source token per value row (%1). Received: %2</source>
            <translation>Debe haber un token de origen por fila de valor (%1). Recibido: %2</translation>
        </message>
        <message>
            <source>%1 has no projections, so the query and the %2 must have the same last dimension. Received: %3</source>
            <translation>%1 no tiene proyecciones, así que la consulta y %2 deben tener la misma última dimensión. Recibido: %3</translation>
        </message>
        <message>
            <source>value (used as key)</source>
            <translation>valor (usado como clave)</translation>
        </message>
        <message>
            <source>The residual Add needs the output width to equal the query width (%1). Received: %2</source>
            <translation>El Add residual necesita que el ancho de salida sea igual al de la consulta (%1). Recibido: %2</translation>
        </message>
        <message>
            <source>%1 takes masks [query_mask, value_mask] only; key_mask is a MultiHeadAttention and GroupQueryAttention argument.</source>
            <translation>%1 solo admite las máscaras [query_mask, value_mask]; key_mask es un argumento de MultiHeadAttention y GroupQueryAttention.</translation>
        </message>
        <message>
            <source>%1 has no attention_mask argument; use value_mask and use_causal_mask, or MultiHeadAttention.</source>
            <translation>%1 no tiene el argumento attention_mask; use value_mask y use_causal_mask, o MultiHeadAttention.</translation>
        </message>
        <message>
            <source>The attention_mask must have shape (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>La attention_mask debe tener la forma (query_len, source_len) = %1, (batch, query_len, source_len) = %2 o (batch, %3, query_len, source_len) = %4. Recibido: %5</translation>
        </message>
        <message>
            <source>The attention_mask must have rank 2, 3 or 4: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>La attention_mask debe tener rango 2, 3 o 4: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 o (batch, %3, query_len, source_len) = %4. Recibido: %5</translation>
        </message>
        <message>
            <source>The attention_mask's head axis must be %1 (%2) or 1: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 or (batch, %5, query_len, source_len) = %6. Received: %7</source>
            <translation>El eje de cabezas de la attention_mask debe ser %1 (%2) o 1: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 o (batch, %5, query_len, source_len) = %6. Recibido: %7</translation>
        </message>
        <message>
            <source>This layer's trace would need about %1 of memory, more than the limit of %2. Use smaller sizes (or raise --max-memory).</source>
            <translation>La traza de esta capa necesitaría unos %1 de memoria, más que el límite de %2. Use tamaños más pequeños (o aumente --max-memory).</translation>
        </message>
        <message>
            <source>The weights file has no '%1', which %2 owns with these settings (shape %3).</source>
            <translation>El archivo de pesos no tiene '%1', que %2 posee con estos ajustes (forma %3).</translation>
        </message>
        <message>
            <source>Nothing is initialised when a weights file is given.</source>
            <translation>No se inicializa nada cuando se da un archivo de pesos.</translation>
        </message>
        <message>
            <source>Unexpected weight '%1' in the weights for %2 with these settings.</source>
            <translation>Peso inesperado '%1' en los pesos de %2 con estos ajustes.</translation>
        </message>
        <message>
            <source>Expected: %1.</source>
            <translation>Se esperaba: %1.</translation>
        </message>
        <message>
            <source>no weights</source>
            <translation>ningún peso</translation>
        </message>
        <message>
            <source>Weight '%1' must have shape %2. Received: %3</source>
            <translation>El peso '%1' debe tener la forma %2. Recibido: %3</translation>
        </message>
        <message>
            <source>Query input</source>
            <translation>Entrada de consulta</translation>
        </message>
        <message>
            <source>Key input</source>
            <translation>Entrada de clave</translation>
        </message>
        <message>
            <source>Value input</source>
            <translation>Entrada de valor</translation>
        </message>
        <message>
            <source>Project queries</source>
            <translation>Proyectar las consultas</translation>
        </message>
        <message>
            <source>Project keys</source>
            <translation>Proyectar las claves</translation>
        </message>
        <message>
            <source>Project values</source>
            <translation>Proyectar los valores</translation>
        </message>
        <message>
            <source>Scale queries</source>
            <translation>Escalar las consultas</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Puntuaciones</translation>
        </message>
        <message>
            <source>Mask scores</source>
            <translation>Enmascarar las puntuaciones</translation>
        </message>
        <message>
            <source>Softmax weights</source>
            <translation>Pesos softmax</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>Weighted sum of values</source>
            <translation>Suma ponderada de los valores</translation>
        </message>
        <message>
            <source>Concatenate heads</source>
            <translation>Concatenar las cabezas</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Salida</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>Residual (Add)</translation>
        </message>
        <message>
            <source>Layer normalization</source>
            <translation>Normalización de capa</translation>
        </message>
        <message>
            <source>Project the query</source>
            <translation>Proyectar la consulta</translation>
        </message>
        <message>
            <source>Project the key</source>
            <translation>Proyectar la clave</translation>
        </message>
        <message>
            <source>Project the value</source>
            <translation>Proyectar el valor</translation>
        </message>
        <message>
            <source>query</source>
            <translation>consulta</translation>
        </message>
        <message>
            <source>key</source>
            <translation>clave</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <source>Repeat the %1 heads</source>
            <translation>Repetir las cabezas de %1</translation>
        </message>
        <message>
            <source>Scale the query by 1/√%1</source>
            <translation>Escalar la consulta por 1/√%1</translation>
        </message>
        <message>
            <source>Not Keras: the query left unscaled (no 1/√%1)</source>
            <translation>No es Keras: la consulta queda sin escalar (sin 1/√%1)</translation>
        </message>
        <message>
            <source>Dot-product scores</source>
            <translation>Puntuaciones de producto escalar</translation>
        </message>
        <message>
            <source>Dot products</source>
            <translation>Productos escalares</translation>
        </message>
        <message>
            <source>Scale the scores</source>
            <translation>Escalar las puntuaciones</translation>
        </message>
        <message>
            <source>Concat scores: Σ tanh(q + k)</source>
            <translation>Puntuaciones concat: Σ tanh(q + k)</translation>
        </message>
        <message>
            <source>Additive scores: Σ scale·tanh(q + k)</source>
            <translation>Puntuaciones aditivas: Σ scale·tanh(q + k)</translation>
        </message>
        <message>
            <source>Mask part: padding</source>
            <translation>Parte de la máscara: relleno</translation>
        </message>
        <message>
            <source>Mask part: causal</source>
            <translation>Parte de la máscara: causal</translation>
        </message>
        <message>
            <source>Mask part: sliding window</source>
            <translation>Parte de la máscara: ventana deslizante</translation>
        </message>
        <message>
            <source>Mask part: attention_mask</source>
            <translation>Parte de la máscara: attention_mask</translation>
        </message>
        <message>
            <source>The attention mask</source>
            <translation>La máscara de atención</translation>
        </message>
        <message>
            <source>The score mask</source>
            <translation>La máscara de puntuaciones</translation>
        </message>
        <message>
            <source>The query mask</source>
            <translation>La máscara de consulta</translation>
        </message>
        <message>
            <source>Apply the mask</source>
            <translation>Aplicar la máscara</translation>
        </message>
        <message>
            <source>Softmax: attention weights</source>
            <translation>Softmax: pesos de atención</translation>
        </message>
        <message>
            <source>Dropout on the weights</source>
            <translation>Dropout sobre los pesos</translation>
        </message>
        <message>
            <source>The gate</source>
            <translation>La compuerta</translation>
        </message>
        <message>
            <source>Gate the context</source>
            <translation>Aplicar la compuerta al contexto</translation>
        </message>
        <message>
            <source>Concatenate the heads</source>
            <translation>Concatenar las cabezas</translation>
        </message>
        <message>
            <source>Output projection</source>
            <translation>Proyección de salida</translation>
        </message>
        <message>
            <source>Residual connection (Add)</source>
            <translation>Conexión residual (Add)</translation>
        </message>
        <message>
            <source>Zero the masked query rows</source>
            <translation>Poner a cero las filas de consulta enmascaradas</translation>
        </message>
        <message>
            <source>The sequence that asks: one row of features per query position.</source>
            <translation>La secuencia que pregunta: una fila de características por posición de consulta.</translation>
        </message>
        <message>
            <source>Each query position will produce one output row.</source>
            <translation>Cada posición de consulta producirá una fila de salida.</translation>
        </message>
        <message>
            <source>The sequence that is searched: its projected rows are compared with every query.</source>
            <translation>La secuencia en la que se busca: sus filas proyectadas se comparan con cada consulta.</translation>
        </message>
        <message>
            <source>The sequence whose (projected) rows are mixed into the output.</source>
            <translation>La secuencia cuyas filas (proyectadas) se mezclan en la salida.</translation>
        </message>
        <message>
            <source>No key was given, so Keras uses the value as the key too (key := value).</source>
            <translation>No se dio ninguna clave, así que Keras usa también el valor como clave (key := value).</translation>
        </message>
        <message>
            <source>The sequence that is attended to.</source>
            <translation>La secuencia a la que se atiende.</translation>
        </message>
        <message>
            <source>The sequence that asks.</source>
            <translation>La secuencia que pregunta.</translation>
        </message>
        <message>
            <source>These layers have no projections: the query is compared with the keys exactly as given, so query and key need the same width.</source>
            <translation>Estas capas no tienen proyecciones: la consulta se compara con las claves tal como se dan, así que consulta y clave necesitan el mismo ancho.</translation>
        </message>
        <message>
            <source>The sequence compared with every query.</source>
            <translation>La secuencia que se compara con cada consulta.</translation>
        </message>
        <message>
            <source>The rows that are mixed into the output.</source>
            <translation>Las filas que se mezclan en la salida.</translation>
        </message>
        <message>
            <source>No key was given, so the value is also the key (key := value).</source>
            <translation>No se dio ninguna clave, así que el valor es también la clave (key := value).</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to N heads of key_dim numbers each.</source>
            <translation>Una capa EinsumDense transforma cada vector de consulta en N cabezas de key_dim números cada una.</translation>
        </message>
        <message>
            <source>Each head gets its own slice of the kernel, so the heads can learn to look for different things.</source>
            <translation>Cada cabeza recibe su propia porción del kernel, así que las cabezas pueden aprender a buscar cosas distintas.</translation>
        </message>
        <message>
            <source>The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, in the same space as the projected queries so they can be compared.</source>
            <translation>El mismo tipo de proyección para las claves: cada posición de origen se convierte en N cabezas de key_dim números, en el mismo espacio que las consultas proyectadas para poder compararlas.</translation>
        </message>
        <message>
            <source>The values are projected to N heads of value_dim numbers.</source>
            <translation>Los valores se proyectan en N cabezas de value_dim números.</translation>
        </message>
        <message>
            <source>These are what gets mixed: attention decides how much of each source position's value flows to each query.</source>
            <translation>Es lo que se mezcla: la atención decide cuánto del valor de cada posición de origen fluye hacia cada consulta.</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to %1 query heads of head_dim = %2 numbers each; each head has its own slice of the kernel.</source>
            <translation>Una capa EinsumDense transforma cada vector de consulta en %1 cabezas de consulta de head_dim = %2 números cada una; cada cabeza tiene su propia porción del kernel.</translation>
        </message>
        <message>
            <source>The keys get only num_key_value_heads = %1 heads (not %2): that is the point of grouped-query attention.</source>
            <translation>Las claves solo reciben num_key_value_heads = %1 cabezas (no %2): ese es el sentido de la atención de consultas agrupadas.</translation>
        </message>
        <message>
            <source>Fewer key heads mean a smaller kernel and a smaller key cache when generating text.</source>
            <translation>Menos cabezas de clave significan un kernel más pequeño y una caché de claves más pequeña al generar texto.</translation>
        </message>
        <message>
            <source>The values, like the keys, get %1 heads of head_dim numbers.</source>
            <translation>Los valores, como las claves, reciben %1 cabezas de head_dim números.</translation>
        </message>
        <message>
            <source>Each one will be shared by a group of %1 query heads.</source>
            <translation>Cada una será compartida por un grupo de %1 cabezas de consulta.</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis, so there is one per query head: query head n reads %4 head n // %5 (heads 0..%6 read head 0, and so on).</source>
            <translation>ops.repeat copia cada una de las %1 cabezas de %2 %3 veces a lo largo del eje de cabezas, para que haya una por cabeza de consulta: la cabeza de consulta n lee la cabeza de %4 n // %5 (las cabezas 0..%6 leen la cabeza 0, y así sucesivamente).</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share one key and one value head); in between, each group of query heads shares one.</source>
            <translation>num_key_value_heads = num_query_heads es la atención multicabeza normal (cada cabeza de consulta tiene su propia cabeza de clave y de valor); num_key_value_heads = 1 es la atención multiconsulta (MQA: todas las cabezas de consulta comparten una cabeza de clave y una de valor); en medio, cada grupo de cabezas de consulta comparte una.</translation>
        </message>
        <message>
            <source>Here Nkv = Nq = %1: multi-head attention.</source>
            <translation>Aquí Nkv = Nq = %1: atención multicabeza.</translation>
        </message>
        <message>
            <source>Here Nkv = 1: multi-query attention.</source>
            <translation>Aquí Nkv = 1: atención multiconsulta.</translation>
        </message>
        <message>
            <source>Here %1 query heads form %2 groups of %3.</source>
            <translation>Aquí %1 cabezas de consulta forman %2 grupos de %3.</translation>
        </message>
        <message>
            <source>Here the key and value projections have %1 parameters instead of %2 for %3 key/value heads, and a KV cache holds %4 numbers per token instead of %5 (%6 KiB instead of %7 KiB in float32, per token and layer): %8 % less.</source>
            <translation>Aquí las proyecciones de clave y valor tienen %1 parámetros en lugar de %2 para %3 cabezas de clave/valor, y una caché KV guarda %4 números por token en lugar de %5 (%6 KiB en lugar de %7 KiB en float32, por token y capa): un %8 % menos.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√key_dim before the dot product, so that scores do not grow with key_dim and the softmax does not saturate.</source>
            <translation>Keras multiplica la consulta proyectada por 1/√key_dim antes del producto escalar, para que las puntuaciones no crezcan con key_dim y el softmax no se sature.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√head_dim before the dot product, so that scores do not grow with head_dim and the softmax does not saturate.</source>
            <translation>Keras multiplica la consulta proyectada por 1/√head_dim antes del producto escalar, para que las puntuaciones no crezcan con head_dim y el softmax no se sature.</translation>
        </message>
        <message>
            <source>Note: it is key_dim, not the query width divided by the number of heads.</source>
            <translation>Nota: es key_dim, no el ancho de la consulta dividido entre el número de cabezas.</translation>
        </message>
        <message>
            <source>NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected query by 1/√%1 = %2 here; this trace multiplies by 1, so the scores are the raw q·k, they grow like √%3 and the softmax saturates.</source>
            <translation>NO ES KERAS — una hipótesis del laboratorio 1/√dₖ: Keras multiplica aquí la consulta proyectada por 1/√%1 = %2; esta traza multiplica por 1, así que las puntuaciones son el q·k sin escalar, crecen como √%3 y el softmax se satura.</translation>
        </message>
        <message>
            <source>For every head, each scaled query is compared with every key by a dot product.</source>
            <translation>En cada cabeza, cada consulta escalada se compara con cada clave mediante un producto escalar.</translation>
        </message>
        <message>
            <source>A large score means 'this source position matches what this query looks for'.</source>
            <translation>Una puntuación alta significa «esta posición de origen coincide con lo que busca esta consulta».</translation>
        </message>
        <message>
            <source>These are raw logits, before any mask.</source>
            <translation>Son logits sin procesar, antes de cualquier máscara.</translation>
        </message>
        <message>
            <source>Query heads of the same group compare against the same (repeated) key head.</source>
            <translation>Las cabezas de consulta del mismo grupo se comparan con la misma cabeza de clave (repetida).</translation>
        </message>
        <message>
            <source>Each query is compared with every key by a plain dot product.</source>
            <translation>Cada consulta se compara con cada clave mediante un producto escalar simple.</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention there is no 1/√d factor and no projection.</source>
            <translation>A diferencia de MultiHeadAttention, no hay factor 1/√d ni proyección.</translation>
        </message>
        <message>
            <source>A large score means this key matches this query.</source>
            <translation>Una puntuación alta significa que esta clave coincide con esta consulta.</translation>
        </message>
        <message>
            <source>With use_scale=True, Attention learns one scalar that multiplies every score (initialised to 1).</source>
            <translation>Con use_scale=True, Attention aprende un escalar que multiplica cada puntuación (inicializado a 1).</translation>
        </message>
        <message>
            <source>It plays the role of a learned temperature.</source>
            <translation>Hace el papel de una temperatura aprendida.</translation>
        </message>
        <message>
            <source>score_mode="concat": each query is added to each key feature by feature, squashed by tanh and summed, then multiplied by one learned scalar (concat_score_weight).</source>
            <translation>score_mode="concat": cada consulta se suma a cada clave característica por característica, se comprime con tanh y se suma, y luego se multiplica por un escalar aprendido (concat_score_weight).</translation>
        </message>
        <message>
            <source>The scalar scale multiplies q + k inside the tanh.</source>
            <translation>El escalar scale multiplica q + k dentro de la tanh.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features.</source>
            <translation>Al estilo de Bahdanau: cada consulta se suma a cada clave característica por característica y se comprime con tanh, y luego se suma sobre las características.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features, each feature weighted by the learned vector scale (outside the tanh).</source>
            <translation>Al estilo de Bahdanau: cada consulta se suma a cada clave característica por característica y se comprime con tanh, y luego se suma sobre las características, cada una ponderada por el vector aprendido scale (fuera de la tanh).</translation>
        </message>
        <message>
            <source>Keras adds the inputs directly: there are no W₁q + W₂k projections as in the paper.</source>
            <translation>Keras suma las entradas directamente: no hay proyecciones W₁q + W₂k como en el artículo.</translation>
        </message>
        <message>
            <source>The padding masks (%1), broadcast to one boolean per (query, source) pair: 0 where a query row or a source column is padding.</source>
            <translation>Las máscaras de relleno (%1), difundidas a un booleano por par (consulta, origen): 0 donde una fila de consulta o una columna de origen es relleno.</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask)</source>
            <translation>query_mask (la máscara de Keras de la consulta)</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask) &amp; %1</source>
            <translation>query_mask (la máscara de Keras de la consulta) &amp; %1</translation>
        </message>
        <message>
            <source>use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left corner, also when query and source lengths differ).</source>
            <translation>use_causal_mask=True: la consulta t solo puede ver las posiciones de origen s ≤ t (contadas desde la esquina superior izquierda, también cuando las longitudes de consulta y origen difieren).</translation>
        </message>
        <message>
            <source>sliding_window=%1 keeps the band |t − s| &lt; %2: each query sees at most %3 positions on either side of its own.</source>
            <translation>sliding_window=%1 conserva la banda |t − s| &lt; %2: cada consulta ve como mucho %3 posiciones a cada lado de la suya.</translation>
        </message>
        <message>
            <source>AND-ed with the causal mask it is the causal band Mistral uses: each position sees itself and the %1 before it.</source>
            <translation>Combinada con Y con la máscara causal, es la banda causal que usa Mistral: cada posición se ve a sí misma y a las %1 anteriores.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), one mask per head.</source>
            <translation>La attention_mask que usted dio, convertida a bool (distinto de cero es True), una máscara por cabeza.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every batch row and head.</source>
            <translation>La attention_mask que usted dio, convertida a bool (distinto de cero es True), la misma para cada fila del lote y cada cabeza.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every head.</source>
            <translation>La attention_mask que usted dio, convertida a bool (distinto de cero es True), la misma para cada cabeza.</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, one per head (the attention_mask has a head axis); 1 means 'may attend'.</source>
            <translation>Keras combina todas las fuentes de máscara con Y en un booleano por par (consulta, origen), uno por cabeza (la attention_mask tiene un eje de cabezas); 1 significa «puede atender».</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, shared by all heads; 1 means 'may attend'.</source>
            <translation>Keras combina todas las fuentes de máscara con Y en un booleano por par (consulta, origen), compartido por todas las cabezas; 1 significa «puede atender».</translation>
        </message>
        <message>
            <source>Sources here: %1.</source>
            <translation>Fuentes aquí: %1.</translation>
        </message>
        <message>
            <source>Each source is also a step of its own, so you can see which one removed a cell.</source>
            <translation>Cada fuente es también un paso propio, para que vea cuál eliminó una celda.</translation>
        </message>
        <message>
            <source>A query-mask row that is all 0 becomes a fully masked row.</source>
            <translation>Una fila de la máscara de consulta que es toda 0 se convierte en una fila totalmente enmascarada.</translation>
        </message>
        <message>
            <source>The attention_mask is the only source, so GroupQueryAttention hands it to Softmax as it is, and Softmax keeps the values &gt; 0.5.</source>
            <translation>La attention_mask es la única fuente, así que GroupQueryAttention se la pasa tal cual a Softmax, y Softmax conserva los valores &gt; 0.5.</translation>
        </message>
        <message>
            <source>1 means 'this query may attend to this key'.</source>
            <translation>1 significa «esta consulta puede atender a esta clave».</translation>
        </message>
        <message>
            <source>Built from %1.</source>
            <translation>Construida a partir de %1.</translation>
        </message>
        <message>
            <source>the causal mask (row ≥ column)</source>
            <translation>la máscara causal (fila ≥ columna)</translation>
        </message>
        <message>
            <source>value_mask AND the causal mask (row ≥ column)</source>
            <translation>value_mask Y la máscara causal (fila ≥ columna)</translation>
        </message>
        <message>
            <source>The query mask is not part of it: Attention uses the query mask only to zero output rows at the end.</source>
            <translation>La máscara de consulta no forma parte de ella: Attention usa la máscara de consulta solo para poner a cero filas de salida al final.</translation>
        </message>
        <message>
            <source>1 for real query tokens, 0 for padding.</source>
            <translation>1 para los tokens de consulta reales, 0 para el relleno.</translation>
        </message>
        <message>
            <source>Attention applies it only here, at the end.</source>
            <translation>Attention solo la aplica aquí, al final.</translation>
        </message>
        <message>
            <source>Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their weight is 0.</source>
            <translation>Las puntuaciones donde la máscara es 0 se sustituyen por −10⁹, para que tras el softmax su peso sea 0.</translation>
        </message>
        <message>
            <source>Keras replaces the value (it does not subtract), inside its Softmax layer.</source>
            <translation>Keras sustituye el valor (no resta), dentro de su capa Softmax.</translation>
        </message>
        <message>
            <source>Keras subtracts 10⁹ from masked scores (it does not replace them).</source>
            <translation>Keras resta 10⁹ a las puntuaciones enmascaradas (no las sustituye).</translation>
        </message>
        <message>
            <source>In float32 this rounds to −10⁹ for small scores, so a row with every key masked comes out uniform over all keys, masked ones included.</source>
            <translation>En float32 esto se redondea a −10⁹ para puntuaciones pequeñas, así que una fila con todas las claves enmascaradas sale uniforme sobre todas las claves, incluidas las enmascaradas.</translation>
        </message>
        <message>
            <source>Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how much each source position contributes to this query, per head.</source>
            <translation>El softmax a lo largo del eje de origen convierte cada fila de puntuaciones en pesos ≥ 0 que suman 1: cuánto aporta cada posición de origen a esta consulta, por cabeza.</translation>
        </message>
        <message>
            <source>This is what Keras returns with return_attention_scores=True.</source>
            <translation>Es lo que Keras devuelve con return_attention_scores=True.</translation>
        </message>
        <message>
            <source>Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 (Keras ≥ 3.14; the fused path without scores would give a uniform row instead).</source>
            <translation>Las posiciones enmascaradas se ponen después exactamente a 0, así que una fila totalmente enmascarada es toda 0 (Keras ≥ 3.14; la ruta fusionada sin puntuaciones daría en cambio una fila uniforme).</translation>
        </message>
        <message>
            <source>Here %1 (head, query) rows are fully masked.</source>
            <translation>Aquí %1 filas (cabeza, consulta) están totalmente enmascaradas.</translation>
        </message>
        <message>
            <source>Softmax over the keys turns each row of scores into weights ≥ 0 that sum to 1: the share of each value row in this query's output.</source>
            <translation>El softmax sobre las claves convierte cada fila de puntuaciones en pesos ≥ 0 que suman 1: la parte de cada fila de valor en la salida de esta consulta.</translation>
        </message>
        <message>
            <source>In training, each weight is set to 0 with probability %1 and the kept ones are divided by 1 − rate, so each row still sums to 1 on average.</source>
            <translation>En entrenamiento, cada peso se pone a 0 con probabilidad %1 y los que se conservan se dividen entre 1 − rate, así que cada fila sigue sumando 1 en promedio.</translation>
        </message>
        <message>
            <source>Keras returns the weights from before dropout (with return_attention_scores=True).</source>
            <translation>Keras devuelve los pesos de antes del dropout (con return_attention_scores=True).</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention, Attention returns these post-dropout weights.</source>
            <translation>A diferencia de MultiHeadAttention, Attention devuelve estos pesos posteriores al dropout.</translation>
        </message>
        <message>
            <source>Each head mixes the projected values with its weights: a query's context is the weighted average of the value rows it attends to.</source>
            <translation>Cada cabeza mezcla los valores proyectados con sus pesos: el contexto de una consulta es la media ponderada de las filas de valor a las que atiende.</translation>
        </message>
        <message>
            <source>One result per head.</source>
            <translation>Un resultado por cabeza.</translation>
        </message>
        <message>
            <source>Query heads of one group mix the same (repeated) value head, each with its own weights.</source>
            <translation>Las cabezas de consulta de un grupo mezclan la misma cabeza de valor (repetida), cada una con sus propios pesos.</translation>
        </message>
        <message>
            <source>Each output row is the weighted average of the value rows, with this query's weights.</source>
            <translation>Cada fila de salida es la media ponderada de las filas de valor, con los pesos de esta consulta.</translation>
        </message>
        <message>
            <source>Rows of padding queries are multiplied by 0.</source>
            <translation>Las filas de las consultas de relleno se multiplican por 0.</translation>
        </message>
        <message>
            <source>Their weights were computed normally (and Keras returns them unchanged); only the output row is zeroed.</source>
            <translation>Sus pesos se calcularon normalmente (y Keras los devuelve sin cambios); solo se pone a cero la fila de salida.</translation>
        </message>
        <message>
            <source>use_gate=True adds one more EinsumDense on the query input, with a sigmoid: a number between 0 and 1 for every query, head and channel.</source>
            <translation>use_gate=True añade una EinsumDense más sobre la entrada de consulta, con una sigmoide: un número entre 0 y 1 para cada consulta, cabeza y canal.</translation>
        </message>
        <message>
            <source>It decides how much of each head's context passes on (Qiu et al., 2025, "Gated Attention for Large Language Models": a head can output almost nothing when it has nothing to add, instead of dumping its weight on one 'attention sink' token).</source>
            <translation>Decide cuánto del contexto de cada cabeza pasa (Qiu et al., 2025, «Gated Attention for Large Language Models»: una cabeza puede no emitir casi nada cuando no tiene nada que aportar, en lugar de volcar su peso en un token «sumidero de atención»).</translation>
        </message>
        <message>
            <source>Each head's context is multiplied element by element by its gate: where the gate is near 0 that channel is silenced, near 1 it passes unchanged.</source>
            <translation>El contexto de cada cabeza se multiplica elemento a elemento por su compuerta: donde la compuerta está cerca de 0 ese canal se silencia; cerca de 1 pasa sin cambios.</translation>
        </message>
        <message>
            <source>The output projection reads this instead of the context.</source>
            <translation>La proyección de salida lee esto en lugar del contexto.</translation>
        </message>
        <message>
            <source>The paper writes Concat(head₁, …, head_N): the heads side by side, N·%1 numbers per query.</source>
            <translation>El artículo escribe Concat(head₁, …, head_N): las cabezas lado a lado, N·%1 números por consulta.</translation>
        </message>
        <message>
            <source>Keras never builds this tensor; its output EinsumDense contracts the head and %1 axes at once, which is the same computation.</source>
            <translation>Keras nunca construye este tensor; su EinsumDense de salida contrae a la vez los ejes head y %1, que es el mismo cálculo.</translation>
        </message>
        <message>
            <source>The output EinsumDense mixes all heads back into one vector per query, of the output width (%1).</source>
            <translation>La EinsumDense de salida vuelve a mezclar todas las cabezas en un vector por consulta, con el ancho de salida (%1).</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is just the bias b_o.</source>
            <translation>Una fila de consulta totalmente enmascarada tiene contexto cero, así que su salida es solo el sesgo b_o.</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is 0.</source>
            <translation>Una fila de consulta totalmente enmascarada tiene contexto cero, así que su salida es 0.</translation>
        </message>
        <message>
            <source>The Transformer adds the layer's input back to its output, so the attention layer only has to learn a correction and gradients flow straight through.</source>
            <translation>El Transformer vuelve a sumar la entrada de la capa a su salida, así que la capa de atención solo tiene que aprender una corrección y los gradientes fluyen directamente.</translation>
        </message>
        <message>
            <source>Each position's vector is shifted to mean 0 and scaled to variance 1 over its features (ε = 0.001), then scaled by γ and shifted by β.</source>
            <translation>El vector de cada posición se desplaza a media 0 y se escala a varianza 1 sobre sus características (ε = 0.001), y luego se escala por γ y se desplaza por β.</translation>
        </message>
        <message>
            <source>It keeps the numbers in a stable range from layer to layer.</source>
            <translation>Mantiene los números en un rango estable de una capa a otra.</translation>
        </message>
        <message>
            <source>query width = key width = d</source>
            <translation>ancho de consulta = ancho de clave = d</translation>
        </message>
        <message>
            <source>query width = key width</source>
            <translation>ancho de consulta = ancho de clave</translation>
        </message>
        <message>
            <source>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ Attention(use_scale=True) with scale = 1/√d</source>
            <translation>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, proyecciones identidad) ≡ Attention(use_scale=True) con scale = 1/√d</translation>
        </message>
        <message>
            <source>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</source>
            <translation>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True) as Keras builds it ≡ Attention()</source>
            <translation>Attention(use_scale=True) tal como lo construye Keras ≡ Attention()</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</source>
            <translation>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads=1), multi-query ≡ MultiHeadAttention whose heads share one key and value projection</source>
            <translation>GroupQueryAttention(num_key_value_heads=1), multiconsulta ≡ MultiHeadAttention cuyas cabezas comparten una proyección de clave y de valor</translation>
        </message>
        <message>
            <source>one head: num_heads=1</source>
            <translation>una cabeza: num_heads=1</translation>
        </message>
        <message>
            <source>num_heads=2, both heads the same: the output is their sum</source>
            <translation>num_heads=2, ambas cabezas iguales: la salida es su suma</translation>
        </message>
        <message>
            <source>key_dim = the query width, value_dim = the value width</source>
            <translation>key_dim = el ancho de la consulta, value_dim = el ancho del valor</translation>
        </message>
        <message>
            <source>key_dim and value_dim halved: the projections keep only the first half of the features</source>
            <translation>key_dim y value_dim a la mitad: las proyecciones solo conservan la primera mitad de las características</translation>
        </message>
        <message>
            <source>identity query/key/value kernels (EinsumDense)</source>
            <translation>kernels de consulta/clave/valor identidad (EinsumDense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernels from the seed</source>
            <translation>kernels glorot_uniform de Keras a partir de la semilla</translation>
        </message>
        <message>
            <source>identity output kernel (output_dense)</source>
            <translation>kernel de salida identidad (output_dense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernel from the seed</source>
            <translation>kernel glorot_uniform de Keras a partir de la semilla</translation>
        </message>
        <message>
            <source>no bias: use_bias=False</source>
            <translation>sin sesgo: use_bias=False</translation>
        </message>
        <message>
            <source>use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, which would change nothing)</source>
            <translation>use_bias=True con sesgos de aspecto entrenado N(0, 0.5²) (Keras empieza los sesgos en 0, lo que no cambiaría nada)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), scale = 1/√key_dim (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), scale = 1/√key_dim (Keras lo empieza en 1)</translation>
        </message>
        <message>
            <source>Attention(use_scale=False): Luong's dot product, no 1/√dₖ</source>
            <translation>Attention(use_scale=False): el producto escalar de Luong, sin 1/√dₖ</translation>
        </message>
        <message>
            <source>use_scale=False on both layers</source>
            <translation>use_scale=False en ambas capas</translation>
        </message>
        <message>
            <source>use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, AdditiveAttention's glorot vector outside it</source>
            <translation>use_scale=True en ambas, valores iniciales de Keras: el escalar 1 de Attention dentro de la tanh, el vector glorot de AdditiveAttention fuera de ella</translation>
        </message>
        <message>
            <source>concat_score_weight = 1 (Keras' initial value)</source>
            <translation>concat_score_weight = 1 (valor inicial de Keras)</translation>
        </message>
        <message>
            <source>concat_score_weight = 2, as after training</source>
            <translation>concat_score_weight = 2, como tras el entrenamiento</translation>
        </message>
        <message>
            <source>scale = 1, its Keras initial value (only training changes it)</source>
            <translation>scale = 1, su valor inicial en Keras (solo el entrenamiento lo cambia)</translation>
        </message>
        <message>
            <source>scale = 2, as after training</source>
            <translation>scale = 2, como tras el entrenamiento</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads</source>
            <translation>num_key_value_heads = num_query_heads</translation>
        </message>
        <message>
            <source>num_key_value_heads = 1 (multi-query): every query head reads head 0's keys and values</source>
            <translation>num_key_value_heads = 1 (multiconsulta): cada cabeza de consulta lee las claves y valores de la cabeza 0</translation>
        </message>
        <message>
            <source>the same kernels and biases in both layers</source>
            <translation>los mismos kernels y sesgos en ambas capas</translation>
        </message>
        <message>
            <source>GroupQueryAttention initialised from its own seed (seed + 1)</source>
            <translation>GroupQueryAttention inicializada con su propia semilla (seed + 1)</translation>
        </message>
        <message>
            <source>MultiHeadAttention's key/value kernels and biases are head 0's in every head</source>
            <translation>los kernels y sesgos de clave/valor de MultiHeadAttention son los de la cabeza 0 en cada cabeza</translation>
        </message>
        <message>
            <source>MultiHeadAttention keeps its own key/value kernels per head</source>
            <translation>MultiHeadAttention mantiene sus propios kernels de clave/valor por cabeza</translation>
        </message>
        <message>
            <source>the same query, output and head-0 key/value weights in both</source>
            <translation>los mismos pesos de consulta, de salida y de clave/valor de la cabeza 0 en ambas</translation>
        </message>
        <message>
            <source>your layer, %1, is not one of the two sides</source>
            <translation>su capa, %1, no es ninguno de los dos lados</translation>
        </message>
        <message>
            <source>value_dim = %1, not key_dim = %2 (GroupQueryAttention has one head_dim)</source>
            <translation>value_dim = %1, no key_dim = %2 (GroupQueryAttention tiene un solo head_dim)</translation>
        </message>
        <message>
            <source>sliding_window=%1 (Attention has no sliding window)</source>
            <translation>sliding_window=%1 (Attention no tiene ventana deslizante)</translation>
        </message>
        <message>
            <source>use_gate=True (Attention has no gate)</source>
            <translation>use_gate=True (Attention no tiene compuerta)</translation>
        </message>
        <message>
            <source>the Transformer sub-layer (Add &amp; LayerNormalization) is on</source>
            <translation>la subcapa Transformer (Add &amp; LayerNormalization) está activada</translation>
        </message>
        <message>
            <source>a key_mask or attention_mask (Attention takes neither)</source>
            <translation>una key_mask o attention_mask (Attention no admite ninguna)</translation>
        </message>
        <message>
            <source>num_heads = %1, not 1</source>
            <translation>num_heads = %1, no 1</translation>
        </message>
        <message>
            <source>key_dim = %1, not the query width %2</source>
            <translation>key_dim = %1, no el ancho de consulta %2</translation>
        </message>
        <message>
            <source>value_dim = %1, not the value width %2</source>
            <translation>value_dim = %1, no el ancho de valor %2</translation>
        </message>
        <message>
            <source>the output width is %1, Attention's is the value width %2</source>
            <translation>el ancho de salida es %1; el de Attention es el ancho de valor %2</translation>
        </message>
        <message>
            <source>the query/key/value kernels are not identity matrices</source>
            <translation>los kernels de consulta/clave/valor no son matrices identidad</translation>
        </message>
        <message>
            <source>the output kernel is not an identity matrix</source>
            <translation>el kernel de salida no es una matriz identidad</translation>
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
            <translation>use_scale=False: sin scale, la identidad necesita 1/√%1 = %2</translation>
        </message>
        <message>
            <source>scale = %1 (Keras' start), not 1/√%2 = %3</source>
            <translation>scale = %1 (valor inicial de Keras), no 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1/√%2 = %3</source>
            <translation>scale = %1, no 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1</source>
            <translation>scale = %1, no 1</translation>
        </message>
        <message>
            <source>concat_score_weight = %1, not 1</source>
            <translation>concat_score_weight = %1, no 1</translation>
        </message>
        <message>
            <source>use_scale=True (AdditiveAttention's default)</source>
            <translation>use_scale=True (valor por defecto de AdditiveAttention)</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not num_query_heads = %2</source>
            <translation>num_key_value_heads = %1, no num_query_heads = %2</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not 1</source>
            <translation>num_key_value_heads = %1, no 1</translation>
        </message>
        <message>
            <source>each of the %1 heads has its own key/value kernels</source>
            <translation>cada una de las %1 cabezas tiene sus propios kernels de clave/valor</translation>
        </message>
        <message>
            <source>not met: the query has %1 features, the key %2</source>
            <translation>no se cumple: la consulta tiene %1 características, la clave %2</translation>
        </message>
        <message>
            <source>the query has %1 features, the key %2</source>
            <translation>la consulta tiene %1 características, la clave %2</translation>
        </message>
        <message>
            <source>weights and output, both sides built with every condition on these inputs</source>
            <translation>pesos y salida, ambos lados construidos con todas las condiciones sobre estas entradas</translation>
        </message>
        <message>
            <source>fully masked rows left out: %1 (the layers differ there by design)</source>
            <translation>filas totalmente enmascaradas excluidas: %1 (las capas difieren ahí por diseño)</translation>
        </message>
        <message>
            <source>Here the query has %1 features and the key %2.</source>
            <translation>Aquí la consulta tiene %1 características y la clave %2.</translation>
        </message>
        <message>
            <source>Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same width.</source>
            <translation>Attention y AdditiveAttention suman o multiplican consulta y clave característica por característica, así que necesitan el mismo ancho.</translation>
        </message>
        <message>
            <source>MultiHeadAttention projects both to key_dim, so it has no such limit.</source>
            <translation>MultiHeadAttention proyecta ambos a key_dim, así que no tiene ese límite.</translation>
        </message>
        <message>
            <source>GroupQueryAttention has one head_dim for queries, keys and values; this MultiHeadAttention has key_dim=%1 and value_dim=%2.</source>
            <translation>GroupQueryAttention tiene un solo head_dim para consultas, claves y valores; esta MultiHeadAttention tiene key_dim=%1 y value_dim=%2.</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), what-if: scale set to 1/√%1 (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), hipótesis: scale fijado en 1/√%1 (Keras lo empieza en 1)</translation>
        </message>
        <message>
            <source>Gradient of %1</source>
            <translation>Gradiente de %1</translation>
        </message>
        <message>
            <source>Backward through the layer norm</source>
            <translation>Hacia atrás a través de la normalización de capa</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the output</source>
            <translation>Gradiente de la pérdida respecto a la salida</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the layer norm</source>
            <translation>Gradiente de la pérdida respecto a la normalización de capa</translation>
        </message>
        <message>
            <source>Gradient of the attention output</source>
            <translation>Gradiente de la salida de la atención</translation>
        </message>
        <message>
            <source>Gradient of the context</source>
            <translation>Gradiente del contexto</translation>
        </message>
        <message>
            <source>Gradient of the gated context</source>
            <translation>Gradiente del contexto con compuerta</translation>
        </message>
        <message>
            <source>Gradient of the gate</source>
            <translation>Gradiente de la compuerta</translation>
        </message>
        <message>
            <source>Gradient of the dropped-out weights</source>
            <translation>Gradiente de los pesos tras el dropout</translation>
        </message>
        <message>
            <source>Gradient of the key input</source>
            <translation>Gradiente de la entrada de clave</translation>
        </message>
        <message>
            <source>Gradient of the query input</source>
            <translation>Gradiente de la entrada de consulta</translation>
        </message>
        <message>
            <source>Gradient of the value input</source>
            <translation>Gradiente de la entrada de valor</translation>
        </message>
        <message>
            <source>Gradient of the projected keys</source>
            <translation>Gradiente de las claves proyectadas</translation>
        </message>
        <message>
            <source>Gradient of the projected keys (groups summed)</source>
            <translation>Gradiente de las claves proyectadas (grupos sumados)</translation>
        </message>
        <message>
            <source>Gradient of the projected query</source>
            <translation>Gradiente de la consulta proyectada</translation>
        </message>
        <message>
            <source>Gradient of the projected values</source>
            <translation>Gradiente de los valores proyectados</translation>
        </message>
        <message>
            <source>Gradient of the projected values (groups summed)</source>
            <translation>Gradiente de los valores proyectados (grupos sumados)</translation>
        </message>
        <message>
            <source>Gradient of the repeated keys</source>
            <translation>Gradiente de las claves repetidas</translation>
        </message>
        <message>
            <source>Gradient of the repeated values</source>
            <translation>Gradiente de los valores repetidos</translation>
        </message>
        <message>
            <source>Gradient of the scaled query</source>
            <translation>Gradiente de la consulta escalada</translation>
        </message>
        <message>
            <source>Gradient of the scores (softmax backward)</source>
            <translation>Gradiente de las puntuaciones (softmax hacia atrás)</translation>
        </message>
        <message>
            <source>Gradient of the weighted sum (query mask applied)</source>
            <translation>Gradiente de la suma ponderada (máscara de consulta aplicada)</translation>
        </message>
        <message>
            <source>Gradient of the weights</source>
            <translation>Gradiente de los pesos</translation>
        </message>
        <message>
            <source>Gradient of the weights (through dropout)</source>
            <translation>Gradiente de los pesos (a través del dropout)</translation>
        </message>
        <message>
            <source>Gradient of the dot products</source>
            <translation>Gradiente de los productos escalares</translation>
        </message>
        <message>
            <source>Gradient of scale (per feature)</source>
            <translation>Gradiente de scale (por característica)</translation>
        </message>
        <message>
            <source>Gradient of β (layer norm shift)</source>
            <translation>Gradiente de β (desplazamiento de la normalización de capa)</translation>
        </message>
        <message>
            <source>Gradient of γ (layer norm scale)</source>
            <translation>Gradiente de γ (escala de la normalización de capa)</translation>
        </message>
    </context>
    <context>
        <name>HandoutPrinter</name>
        <message>
            <source>No lesson is open.</source>
            <translation>No hay ninguna lección abierta.</translation>
        </message>
        <message>
            <source>Worksheet — %1</source>
            <translation>Hoja de ejercicios — %1</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>No se puede escribir %1.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — diapositiva %2 de %3</translation>
        </message>
        <message>
            <source>Worksheet · %1</source>
            <translation>Hoja de ejercicios · %1</translation>
        </message>
        <message>
            <source>Name: ______________________</source>
            <translation>Nombre: ______________________</translation>
        </message>
        <message>
            <source>In class this slide shows %1; it is not printed on the worksheet because its numbers would give the answer away.</source>
            <translation>En clase esta diapositiva muestra %1; no se imprime en la hoja porque sus números darían la respuesta.</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>Pregunta:</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Su respuesta:</translation>
        </message>
        <message>
            <source>Circle your cell of</source>
            <translation>Marque con un círculo su celda de</translation>
        </message>
        <message>
            <source>Your working:</source>
            <translation>Su desarrollo:</translation>
        </message>
        <message>
            <source>Mark the cell you predict:</source>
            <translation>Marque la celda que predice:</translation>
        </message>
        <message>
            <source>Answers — %1</source>
            <translation>Respuestas — %1</translation>
        </message>
        <message>
            <source>Computed from the trace of each slide (Keras' numbers, float32).</source>
            <translation>Calculado a partir de la traza de cada diapositiva (los números de Keras, float32).</translation>
        </message>
        <message>
            <source>Answer key — %1</source>
            <translation>Solucionario — %1</translation>
        </message>
        <message>
            <source>Planned time: %1 minutes · %2 slides · %3</source>
            <translation>Tiempo previsto: %1 minutos · %2 diapositivas · %3</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 pregunta</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n pregunta</numerusform>
                <numerusform>%n preguntas</numerusform>
            </translation>
        </message>
        <message>
            <source>Slide</source>
            <translation>Diapositiva</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Título</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutos</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>Reloj</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Pregunta</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>sí</translation>
        </message>
        <message>
            <source>Slide %1 · %2</source>
            <translation>Diapositiva %1 · %2</translation>
        </message>
        <message>
            <source>%1 min, %2–%3</source>
            <translation>%1 min, %2–%3</translation>
        </message>
        <message>
            <source>no timing given</source>
            <translation>sin tiempo indicado</translation>
        </message>
        <message>
            <source>Presenter notes:</source>
            <translation>Notas para el docente:</translation>
        </message>
        <message>
            <source>Answer:</source>
            <translation>Respuesta:</translation>
        </message>
        <message>
            <source>Why:</source>
            <translation>Por qué:</translation>
        </message>
        <message>
            <source>the stage</source>
            <translation>el escenario</translation>
        </message>
        <message>
            <source>the Compare tab</source>
            <translation>la pestaña Comparar</translation>
        </message>
        <message>
            <source>the 1/√dₖ lab</source>
            <translation>el laboratorio 1/√dₖ</translation>
        </message>
        <message>
            <source>the equivalence lab</source>
            <translation>el laboratorio de equivalencias</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma</translation>
        </message>
        <message>
            <source>System default (%1)</source>
            <translation>Predeterminado del sistema (%1)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Idioma</translation>
        </message>
        <message>
            <source>attnviz will use %1 the next time it starts. (For one run: attnviz --lang CODE.)</source>
            <translation>attnviz usará %1 la próxima vez que se inicie. (Para una sola vez: attnviz --lang CODE.)</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>No se pudo escribir %1: %2</translation>
        </message>
    </context>
    <context>
        <name>ScalingLabView</name>
        <message>
            <source>Spread of the logits q·k (std)</source>
            <translation>Dispersión de los logits q·k (desv. típ.)</translation>
        </message>
        <message>
            <source>Largest softmax weight of a row</source>
            <translation>Mayor peso softmax de una fila</translation>
        </message>
        <message>
            <source>Entropy of a row (nats)</source>
            <translation>Entropía de una fila (nats)</translation>
        </message>
        <message>
            <source>Largest softmax gradient p(1 − p)</source>
            <translation>Mayor gradiente del softmax p(1 − p)</translation>
        </message>
    </context>
    <context>
        <name>SetupFields</name>
        <message>
            <source>Layer:</source>
            <translation>Capa:</translation>
        </message>
        <message>
            <source>Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads sharing key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau). The form shows only the arguments the chosen layer has.</source>
            <translation>Qué capa de Keras calcular: MultiHeadAttention, GroupQueryAttention (cabezas de consulta que comparten cabezas de clave/valor), Attention (producto escalar, Luong) o AdditiveAttention (Bahdanau). El formulario muestra solo los argumentos de la capa elegida.</translation>
        </message>
        <message>
            <source>Heads:</source>
            <translation>Cabezas:</translation>
        </message>
        <message>
            <source>Query heads:</source>
            <translation>Cabezas de consulta:</translation>
        </message>
        <message>
            <source>attnviz draws every head; 64 is the most it lays out</source>
            <translation>attnviz dibuja cada cabeza; 64 es el máximo que dispone</translation>
        </message>
        <message>
            <source>How many attention heads run side by side, each with its own projections of the query, key and value.</source>
            <translation>Cuántas cabezas de atención funcionan en paralelo, cada una con sus propias proyecciones de la consulta, la clave y el valor.</translation>
        </message>
        <message>
            <source>Key/value heads:</source>
            <translation>Cabezas de clave/valor:</translation>
        </message>
        <message>
            <source>Key/value heads shared by groups of query heads; must divide num_query_heads (1: multi-query attention, equal: plain multi-head attention).</source>
            <translation>Cabezas de clave/valor compartidas por grupos de cabezas de consulta; debe dividir a num_query_heads (1: atención multiconsulta, igual: atención multicabeza normal).</translation>
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
            <translation>el límite de attnviz para el ancho de una cabeza</translation>
        </message>
        <message>
            <source>Size of each head's query and key vectors (GroupQueryAttention: of its query, key and value vectors). The scores are divided by √key_dim.</source>
            <translation>Tamaño de los vectores de consulta y clave de cada cabeza (GroupQueryAttention: de sus vectores de consulta, clave y valor). Las puntuaciones se dividen entre √key_dim.</translation>
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
            <translation>Tamaño de los vectores de valor de cada cabeza; auto (None) significa key_dim.</translation>
        </message>
        <message>
            <source>Output width:</source>
            <translation>Ancho de salida:</translation>
        </message>
        <message>
            <source>attnviz's limit for a feature width</source>
            <translation>el límite de attnviz para un ancho de características</translation>
        </message>
        <message>
            <source>Width of the output; auto (None) means the query's width.</source>
            <translation>Ancho de la salida; auto (None) significa el ancho de la consulta.</translation>
        </message>
        <message>
            <source>score_mode:</source>
            <translation>score_mode:</translation>
        </message>
        <message>
            <source>How Attention scores a query against a key: "dot", the dot product (Luong), or "concat", the sum of tanh(query + key) over the features, times concat_score_weight.</source>
            <translation>Cómo puntúa Attention una consulta frente a una clave: "dot", el producto escalar (Luong), o "concat", la suma de tanh(query + key) sobre las características, por concat_score_weight.</translation>
        </message>
        <message>
            <source>sliding_window:</source>
            <translation>sliding_window:</translation>
        </message>
        <message>
            <source>no sequence is longer than 8192 here</source>
            <translation>aquí ninguna secuencia supera 8192</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>Each query sees the source positions with |t − s| &lt; w; none (None) means all of them. With use_causal_mask it is the causal band.</source>
            <translation>Cada consulta ve las posiciones de origen con |t − s| &lt; w; ninguno (None) significa todas. Con use_causal_mask es la banda causal.</translation>
        </message>
        <message>
            <source>use_bias</source>
            <translation>use_bias</translation>
        </message>
        <message>
            <source>Add a bias to every projection (query, key, value, output and gate).</source>
            <translation>Añadir un sesgo a cada proyección (consulta, clave, valor, salida y compuerta).</translation>
        </message>
        <message>
            <source>use_gate</source>
            <translation>use_gate</translation>
        </message>
        <message>
            <source>Gated attention: a sigmoid gate computed from the query scales each head's context before the output projection.</source>
            <translation>Atención con compuerta: una compuerta sigmoide calculada a partir de la consulta escala el contexto de cada cabeza antes de la proyección de salida.</translation>
        </message>
        <message>
            <source>use_scale</source>
            <translation>use_scale</translation>
        </message>
        <message>
            <source>Learn a scale for the scores: Attention a scalar (initially 1), AdditiveAttention a vector over the features (its default is True).</source>
            <translation>Aprender una escala para las puntuaciones: Attention un escalar (inicialmente 1), AdditiveAttention un vector sobre las características (su valor por defecto es True).</translation>
        </message>
        <message>
            <source>Transformer sub-layer</source>
            <translation>Subcapa Transformer</translation>
        </message>
        <message>
            <source>Not an argument of the layer: follow it with keras.layers.Add (the residual) and LayerNormalization (Add &amp; Norm), as in the Transformer's encoder.</source>
            <translation>No es un argumento de la capa: seguirla de keras.layers.Add (la conexión residual) y LayerNormalization (Add &amp; Norm), como en el codificador del Transformer.</translation>
        </message>
        <message>
            <source>every (query × source) matrix of every head is kept, one takes 256 MiB at 8192², and the memory budget (--max-memory) refuses larger traces</source>
            <translation>se guarda cada matriz (consulta × origen) de cada cabeza, una ocupa 256 MiB a 8192², y el presupuesto de memoria (--max-memory) rechaza trazas mayores</translation>
        </message>
        <message>
            <source>Batch (B):</source>
            <translation>Lote (B):</translation>
        </message>
        <message>
            <source>attnviz's limit for the batch; every batch row is computed and kept</source>
            <translation>el límite de attnviz para el lote; cada fila del lote se calcula y se guarda</translation>
        </message>
        <message>
            <source>B, the first axis of the query, value and key inputs: how many sequences go through the layer at once.</source>
            <translation>B, el primer eje de las entradas query, value y key: cuántas secuencias pasan a la vez por la capa.</translation>
        </message>
        <message>
            <source>Query length (T):</source>
            <translation>Longitud de consulta (T):</translation>
        </message>
        <message>
            <source>T, the query input's sequence length (query.shape[1]): the target sequence, one row of the attention weights per position.</source>
            <translation>T, la longitud de secuencia de la entrada de consulta (query.shape[1]): la secuencia objetivo, una fila de pesos de atención por posición.</translation>
        </message>
        <message>
            <source>Source length (S):</source>
            <translation>Longitud de origen (S):</translation>
        </message>
        <message>
            <source>S, the value (and key) input's sequence length (value.shape[1]): one column of the attention weights per position.</source>
            <translation>S, la longitud de secuencia de la entrada de valor (y clave) (value.shape[1]): una columna de pesos de atención por posición.</translation>
        </message>
        <message>
            <source>Query width:</source>
            <translation>Ancho de consulta:</translation>
        </message>
        <message>
            <source>Features per query token (query.shape[-1]).</source>
            <translation>Características por token de consulta (query.shape[-1]).</translation>
        </message>
        <message>
            <source>Value width:</source>
            <translation>Ancho de valor:</translation>
        </message>
        <message>
            <source>Features per value token (value.shape[-1]).</source>
            <translation>Características por token de valor (value.shape[-1]).</translation>
        </message>
        <message>
            <source>Key width:</source>
            <translation>Ancho de clave:</translation>
        </message>
        <message>
            <source>Features per key token (key.shape[-1]); auto: no separate key input, so Keras uses the value as the key.</source>
            <translation>Características por token de clave (key.shape[-1]); auto: sin entrada de clave aparte, así que Keras usa el valor como clave.</translation>
        </message>
        <message>
            <source>Causal (no peeking ahead)</source>
            <translation>Causal (sin mirar adelante)</translation>
        </message>
        <message>
            <source>A call argument: query position i may only attend to source positions ≤ i.</source>
            <translation>Un argumento de llamada: la posición de consulta i solo puede atender a posiciones de origen ≤ i.</translation>
        </message>
        <message>
            <source>Query padding:</source>
            <translation>Relleno de consulta:</translation>
        </message>
        <message>
            <source>Query positions that are padding, separated by spaces ("3 4"): query_mask is False there, in every batch row; those rows of the output get no attention.</source>
            <translation>Posiciones de consulta que son relleno, separadas por espacios ("3 4"): query_mask es False allí, en cada fila del lote; esas filas de la salida no reciben atención.</translation>
        </message>
        <message>
            <source>Source padding:</source>
            <translation>Relleno de origen:</translation>
        </message>
        <message>
            <source>Source positions that are padding, separated by spaces ("3 4"): value_mask is False there, so no query attends to them.</source>
            <translation>Posiciones de origen que son relleno, separadas por espacios ("3 4"): value_mask es False allí, así que ninguna consulta las atiende.</translation>
        </message>
        <message>
            <source>Dropout:</source>
            <translation>Dropout:</translation>
        </message>
        <message>
            <source>a rate of 1 would drop every attention weight</source>
            <translation>una tasa de 1 descartaría todos los pesos de atención</translation>
        </message>
        <message>
            <source>The dropout rate on the attention weights; applied only when the layer is called with training=True.</source>
            <translation>La tasa de dropout sobre los pesos de atención; solo se aplica cuando la capa se llama con training=True.</translation>
        </message>
        <message>
            <source>training=True</source>
            <translation>training=True</translation>
        </message>
        <message>
            <source>A call argument: call the layer in training mode, so dropout is applied (only with a dropout above 0).</source>
            <translation>Un argumento de llamada: llamar a la capa en modo entrenamiento, para que se aplique el dropout (solo con un dropout mayor que 0).</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Semilla:</translation>
        </message>
        <message>
            <source>a seed is a 32-bit integer</source>
            <translation>una semilla es un entero de 32 bits</translation>
        </message>
        <message>
            <source>The seed of the random inputs, of the initial weights (Keras' initializers: glorot_uniform kernels, zero biases) and of dropout. The same seed always gives the same numbers.</source>
            <translation>La semilla de las entradas aleatorias, de los pesos iniciales (los inicializadores de Keras: kernels glorot_uniform, sesgos a cero) y del dropout. La misma semilla da siempre los mismos números.</translation>
        </message>
        <message>
            <source>Query:</source>
            <translation>Consulta:</translation>
        </message>
        <message>
            <source>The query input as a sentence: one token per word, and the same word always gets the same vector. The tokens label the heatmap axes.</source>
            <translation>La entrada de consulta como frase: un token por palabra, y la misma palabra recibe siempre el mismo vector. Los tokens etiquetan los ejes del mapa de calor.</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Origen:</translation>
        </message>
        <message>
            <source>The value (and key) input as a sentence, for cross-attention; empty: the query sentence (self-attention).</source>
            <translation>La entrada de valor (y clave) como frase, para atención cruzada; vacía: la frase de consulta (autoatención).</translation>
        </message>
        <message>
            <source>The query input from a float32 or float64 .npy of shape (batch, query_len, query_features).</source>
            <translation>La entrada de consulta desde un .npy float32 o float64 de forma (batch, query_len, query_features).</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Valor:</translation>
        </message>
        <message>
            <source>The value input from a float32 or float64 .npy of shape (batch, source_len, value_features).</source>
            <translation>La entrada de valor desde un .npy float32 o float64 de forma (batch, source_len, value_features).</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Clave:</translation>
        </message>
        <message>
            <source>Optional: the key input from a .npy of shape (batch, source_len, key_features); without it Keras uses the value as the key.</source>
            <translation>Opcional: la entrada de clave desde un .npy de forma (batch, source_len, key_features); sin ella Keras usa el valor como clave.</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>Entradas:</translation>
        </message>
        <message>
            <source>Where the layer's call inputs query, value (and key) come from: random from the seed, a typed sentence, an edited table, or .npy files.</source>
            <translation>De dónde vienen las entradas de llamada query, value (y key) de la capa: aleatorias a partir de la semilla, una frase escrita, una tabla editada o archivos .npy.</translation>
        </message>
        <message>
            <source>“%1” is not a position: expected whole numbers like “3 4”.</source>
            <translation>«%1» no es una posición: se esperan números enteros como «3 4».</translation>
        </message>
        <message>
            <source>Position %1 is outside the sequence: expected 0 to %2. Received: %1.</source>
            <translation>La posición %1 está fuera de la secuencia: se espera de 0 a %2. Recibido: %1.</translation>
        </message>
        <message>
            <source>Unknown layer “%1”.</source>
            <translation>Capa desconocida «%1».</translation>
        </message>
        <message>
            <source>score_mode is “dot” or “concat”. Received: score_mode=%1</source>
            <translation>score_mode es «dot» o «concat». Recibido: score_mode=%1</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
        </message>
        <message>
            <source>every layer</source>
            <translation>todas las capas</translation>
        </message>
        <message>
            <source>&lt;p&gt;At most %1: %2.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Como máximo %1: %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1 %2 is over attnviz's limit of %3: %4. Received: %5=%2</source>
            <translation>%1 %2 supera el límite de attnviz de %3: %4. Recibido: %5=%2</translation>
        </message>
        <message>
            <source>At most %1: %2.</source>
            <translation>Como máximo %1: %2.</translation>
        </message>
    </context>
    <context>
        <name>StepText</name>
        <message>
            <source>input</source>
            <translation>entrada</translation>
        </message>
        <message>
            <source>dense projection</source>
            <translation>proyección densa</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>escalado</translation>
        </message>
        <message>
            <source>matrix product</source>
            <translation>producto de matrices</translation>
        </message>
        <message>
            <source>mask</source>
            <translation>máscara</translation>
        </message>
        <message>
            <source>softmax</source>
            <translation>softmax</translation>
        </message>
        <message>
            <source>dropout</source>
            <translation>dropout</translation>
        </message>
        <message>
            <source>concatenate</source>
            <translation>concatenación</translation>
        </message>
        <message>
            <source>tanh sum</source>
            <translation>suma de tanh</translation>
        </message>
        <message>
            <source>add</source>
            <translation>suma</translation>
        </message>
        <message>
            <source>layer norm</source>
            <translation>normalización de capa</translation>
        </message>
        <message>
            <source>repeat heads</source>
            <translation>repetición de cabezas</translation>
        </message>
        <message>
            <source>multiply</source>
            <translation>multiplicación</translation>
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
            <translation>attnviz: --view debe ser uno de %1. Recibido: %2</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz: no se puede usar %1: %2</translation>
        </message>
        <message>
            <source>attnviz: could not write %1</source>
            <translation>attnviz: no se pudo escribir %1</translation>
        </message>
        <message>
            <source>attnviz: no step “%1” in this trace</source>
            <translation>attnviz: no hay ningún paso «%1» en esta traza</translation>
        </message>
        <message>
            <source>attnviz: cannot write %1: %2</source>
            <translation>attnviz: no se puede escribir %1: %2</translation>
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
            <translation>bloque %1 · cabeza %2</translation>
        </message>
        <message>
            <source>block %1</source>
            <translation>bloque %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::CompareView</name>
        <message>
            <source>The same query, key and value through every layer, with your inputs, masks and, where they apply, your layer's options and weights (inference, no dropout). All weights share one 0–1 colour scale.</source>
            <translation>La misma consulta, clave y valor a través de cada capa, con sus entradas, máscaras y, donde corresponda, las opciones y los pesos de su capa (inferencia, sin dropout). Todos los pesos comparten una escala de colores 0–1.</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>Which batch element to show</source>
            <translation>Qué elemento del lote mostrar</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>Cabeza</translation>
        </message>
        <message>
            <source>Which head to show in the tiles with heads</source>
            <translation>Qué cabeza mostrar en los paneles con cabezas</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Diferencia</translation>
        </message>
        <message>
            <source>The difference heatmap shows A − B</source>
            <translation>El mapa de calor de diferencias muestra A − B</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>peso</translation>
        </message>
        <message>
            <source>Hover a cell for its exact value.</source>
            <translation>Pase el ratón sobre una celda para ver su valor exacto.</translation>
        </message>
        <message>
            <source>source</source>
            <translation>origen</translation>
        </message>
        <message>
            <source>query</source>
            <translation>consulta</translation>
        </message>
        <message>
            <source>your layer, with your options and weights</source>
            <translation>su capa, con sus opciones y pesos</translation>
        </message>
        <message>
            <source>what-if: not how Keras builds it</source>
            <translation>hipótesis: no es como lo construye Keras</translation>
        </message>
        <message>
            <source>equals %1: max |Δ| = %2</source>
            <translation>igual a %1: máx |Δ| = %2</translation>
        </message>
        <message>
            <source>equals %1</source>
            <translation>igual a %1</translation>
        </message>
        <message>
            <source>Cannot compare: %1</source>
            <translation>No se puede comparar: %1</translation>
        </message>
        <message>
            <source>No inputs.</source>
            <translation>Sin entradas.</translation>
        </message>
        <message>
            <source>Both variants need weights to subtract.</source>
            <translation>Ambas variantes necesitan pesos para restarse.</translation>
        </message>
        <message>
            <source> — head %1</source>
            <translation> — cabeza %1</translation>
        </message>
        <message>
            <source>Difference A − B</source>
            <translation>Diferencia A − B</translation>
        </message>
        <message>
            <source>max |Δ| = %1</source>
            <translation>máx |Δ| = %1</translation>
        </message>
        <message>
            <source>Identities, checked on these inputs:</source>
            <translation>Identidades, comprobadas con estas entradas:</translation>
        </message>
        <message>
            <source>Holds when:</source>
            <translation>Se cumple cuando:</translation>
        </message>
        <message>
            <source>With these conditions applied to your inputs: max |Δ| = %1 (%2).</source>
            <translation>Con estas condiciones aplicadas a sus entradas: máx |Δ| = %1 (%2).</translation>
        </message>
        <message>
            <source>Cannot be checked on these inputs: %1.</source>
            <translation>No se puede comprobar con estas entradas: %1.</translation>
        </message>
        <message>
            <source>Your setup meets the conditions.</source>
            <translation>Su configuración cumple las condiciones.</translation>
        </message>
        <message>
            <source>Your setup does not meet them: %1.</source>
            <translation>Su configuración no las cumple: %1.</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>%1 — query %2 (%3), source %4 (%5): %6</source>
            <translation>%1 — consulta %2 (%3), origen %4 (%5): %6</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::Controller</name>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Aún no se ha calculado nada.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::EquivalenceLabView</name>
        <message>
            <source>The claim to check: two Keras layers that compute the same thing under conditions.</source>
            <translation>La afirmación a comprobar: dos capas de Keras que calculan lo mismo bajo ciertas condiciones.</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Afirmación</translation>
        </message>
        <message>
            <source>Conditions (untick one to break the claim)</source>
            <translation>Condiciones (desmarque una para romper la afirmación)</translation>
        </message>
        <message>
            <source>step</source>
            <translation>paso</translation>
        </message>
        <message>
            <source>left shape</source>
            <translation>forma izquierda</translation>
        </message>
        <message>
            <source>right shape</source>
            <translation>forma derecha</translation>
        </message>
        <message>
            <source>max |Δ|</source>
            <translation>máx |Δ|</translation>
        </message>
        <message>
            <source>Unticked: %1</source>
            <translation>Desmarcada: %1</translation>
        </message>
        <message>
            <source>left: %1, right: %2</source>
            <translation>izquierda: %1, derecha: %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;The claim holds&lt;/b&gt; (%1): every shared step agrees to float32 rounding, max |Δ| = %2.</source>
            <translation>&lt;b&gt;La afirmación se cumple&lt;/b&gt; (%1): cada paso común coincide salvo el redondeo de float32, máx |Δ| = %2.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The two computations part at “%1”&lt;/b&gt; (%2): max |Δ| = %3 there.</source>
            <translation>&lt;b&gt;Los dos cálculos se separan en «%1»&lt;/b&gt; (%2): allí máx |Δ| = %3.</translation>
        </message>
        <message>
            <source>Cannot run this claim: %1</source>
            <translation>No se puede ejecutar esta afirmación: %1</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>different sizes</source>
            <translation>tamaños distintos</translation>
        </message>
        <message>
            <source>equal</source>
            <translation>igual</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>distinto</translation>
        </message>
        <message>
            <source>Predict, then Reveal: the differences of the two traces appear after the reveal.</source>
            <translation>Prediga y luego pulse Revelar: las diferencias entre las dos trazas aparecen tras revelar.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ExportMenu</name>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exportar</translation>
        </message>
        <message>
            <source>&amp;Heatmap image (PNG, PDF, SVG)…</source>
            <translation>Imagen del mapa de &amp;calor (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>S&amp;tage image (PNG, PDF, SVG)…</source>
            <translation>Imagen del &amp;escenario (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>&amp;Compare view image (PNG, PDF, SVG)…</source>
            <translation>Imagen de la vista &amp;Comparar (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>Save the Compare tab as a figure</source>
            <translation>Guardar la pestaña Comparar como figura</translation>
        </message>
        <message>
            <source>Step tensor, &amp;shown slice (.npy, .csv)…</source>
            <translation>Tensor del paso, &amp;corte mostrado (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The 2-D slice the heatmap shows (current batch and head), as a NumPy array or a CSV table</source>
            <translation>El corte 2-D que muestra el mapa de calor (lote y cabeza actuales), como array de NumPy o tabla CSV</translation>
        </message>
        <message>
            <source>Step tensor, &amp;whole (.npy, .csv)…</source>
            <translation>Tensor del paso, &amp;completo (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The current step's whole tensor, every axis, as a NumPy array or a CSV table</source>
            <translation>El tensor completo del paso actual, todos los ejes, como array de NumPy o tabla CSV</translation>
        </message>
        <message>
            <source>Whole t&amp;race (.npz)…</source>
            <translation>&amp;Traza completa (.npz)…</translation>
        </message>
        <message>
            <source>Every step's tensor keyed by step, the same file as attnviz-trace --out</source>
            <translation>El tensor de cada paso indexado por paso, el mismo archivo que attnviz-trace --out</translation>
        </message>
        <message>
            <source>Setup as spec &amp;bundle (folder)…</source>
            <translation>Configuración como &amp;paquete spec (carpeta)…</translation>
        </message>
        <message>
            <source>spec.json with its .npy inputs and masks and weights.npz, which loads back to the same trace</source>
            <translation>spec.json con sus entradas y máscaras .npy y weights.npz, que se vuelve a cargar en la misma traza</translation>
        </message>
        <message>
            <source>&amp;Python script</source>
            <translation>Script de &amp;Python</translation>
        </message>
        <message>
            <source>&amp;NumPy…</source>
            <translation>&amp;NumPy…</translation>
        </message>
        <message>
            <source>Self-contained NumPy, one block per step, checked against the trace</source>
            <translation>NumPy autónomo, un bloque por paso, comprobado contra la traza</translation>
        </message>
        <message>
            <source>&amp;Keras 3…</source>
            <translation>&amp;Keras 3…</translation>
        </message>
        <message>
            <source>The real Keras layer with these weights and masks, checked against the trace</source>
            <translation>La capa real de Keras con estos pesos y máscaras, comprobada contra la traza</translation>
        </message>
        <message>
            <source>&amp;PyTorch…</source>
            <translation>&amp;PyTorch…</translation>
        </message>
        <message>
            <source>The layer in torch ops (and nn.MultiheadAttention where it fits), checked</source>
            <translation>La capa en operaciones de torch (y nn.MultiheadAttention cuando encaja), comprobada</translation>
        </message>
        <message>
            <source>&amp;Copy heatmap and cells</source>
            <translation>&amp;Copiar el mapa de calor y las celdas</translation>
        </message>
        <message>
            <source>Copy the heatmap as an image and the selected (or hovered) cells as tab-separated numbers</source>
            <translation>Copiar el mapa de calor como imagen y las celdas seleccionadas (o bajo el ratón) como números separados por tabuladores</translation>
        </message>
        <message>
            <source>Copied the heatmap</source>
            <translation>Mapa de calor copiado</translation>
        </message>
        <message>
            <source>Copied the heatmap and %1 cell(s)</source>
            <translation>Mapa de calor y %1 celda(s) copiados</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Aún no se ha calculado nada.</translation>
        </message>
        <message>
            <source>Choose a .npy or .csv file name. Received: %1</source>
            <translation>Elija un nombre de archivo .npy o .csv. Recibido: %1</translation>
        </message>
        <message>
            <source>attnviz compare</source>
            <translation>comparación de attnviz</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>Array de NumPy (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Tabla CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export the step's tensor</source>
            <translation>Exportar el tensor del paso</translation>
        </message>
        <message>
            <source>Export the shown slice</source>
            <translation>Exportar el corte mostrado</translation>
        </message>
        <message>
            <source>Export the whole trace</source>
            <translation>Exportar la traza completa</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>Archivo de NumPy (*.npz)</translation>
        </message>
        <message>
            <source>Folder for the spec bundle</source>
            <translation>Carpeta para el paquete spec</translation>
        </message>
        <message>
            <source>Export the computation as a Python script</source>
            <translation>Exportar el cálculo como script de Python</translation>
        </message>
        <message>
            <source>Python script (*.py)</source>
            <translation>Script de Python (*.py)</translation>
        </message>
        <message>
            <source>Export the Compare view</source>
            <translation>Exportar la vista Comparar</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>Imagen PNG (*.png);;Documento PDF (*.pdf);;Dibujo SVG (*.svg)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::FormulaPanel</name>
        <message>
            <source>Translate to PyTorch</source>
            <translation>Traducir a PyTorch</translation>
        </message>
        <message>
            <source>Show the same layer written with PyTorch ops beside the Keras code, the current step highlighted in both</source>
            <translation>Mostrar la misma capa escrita con operaciones de PyTorch junto al código de Keras, con el paso actual resaltado en ambos</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Fórmula</translation>
        </message>
        <message>
            <source>Keras code</source>
            <translation>Código Keras</translation>
        </message>
        <message>
            <source>What this step computes, and the Keras line that does it</source>
            <translation>Qué calcula este paso y la línea de Keras que lo hace</translation>
        </message>
        <message>
            <source>The whole MultiHeadAttention layer written with EinsumDense, Softmax, Dropout, Add and LayerNormalization for the current settings</source>
            <translation>La capa MultiHeadAttention completa escrita con EinsumDense, Softmax, Dropout, Add y LayerNormalization para los ajustes actuales</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;Nothing computed yet. Choose a layer and its sizes on the left.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;Aún no se ha calculado nada. Elija una capa y sus tamaños a la izquierda.&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3 style='margin:0'&gt;Step %1 of %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</source>
            <translation>&lt;h3 style='margin:0'&gt;Paso %1 de %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</translation>
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
            <translation>forma</translation>
        </message>
        <message>
            <source>reads</source>
            <translation>lee</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>coste</translation>
        </message>
        <message>
            <source>%1 FLOPs, %2 bytes</source>
            <translation>%1 FLOP, %2 bytes</translation>
        </message>
        <message>
            <source># No Keras listing for this layer.</source>
            <translation># No hay listado de Keras para esta capa.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::HeatmapView</name>
        <message>
            <source>Move the mouse over a cell to see its indices and exact value</source>
            <translation>Mueva el ratón sobre una celda para ver sus índices y su valor exacto</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Mapa de calor</translation>
        </message>
        <message>
            <source>Digits:</source>
            <translation>Dígitos:</translation>
        </message>
        <message>
            <source>Significant digits in each cell; hover a cell for all nine</source>
            <translation>Dígitos significativos en cada celda; pase el ratón sobre una celda para ver los nueve</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Números</translation>
        </message>
        <message>
            <source>The slice as numbers, with each row's sum</source>
            <translation>El corte como números, con la suma de cada fila</translation>
        </message>
        <message>
            <source>Colours 0–1</source>
            <translation>Colores 0–1</translation>
        </message>
        <message>
            <source>Colours 0–top (auto)</source>
            <translation>Colores 0–máximo (auto)</translation>
        </message>
        <message>
            <source>Probabilities: a fixed 0–1 scale compares steps; auto stretches the colours to the step's largest value, or, once it has 1000 values, to the value 99.5 % of them stay under (long sequences spread the weights thin, and row 0 of a causal mask is a single 1); cells above it take the top colour</source>
            <translation>Probabilidades: una escala fija 0–1 permite comparar pasos; auto estira los colores hasta el mayor valor del paso o, a partir de 1000 valores, hasta el valor por debajo del cual queda el 99,5 % de ellos (las secuencias largas reparten los pesos y la fila 0 de una máscara causal es un único 1); las celdas por encima toman el color superior</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</translation>
        </message>
        <message>
            <source>&lt;i&gt;No tensor to show&lt;/i&gt;</source>
            <translation>&lt;i&gt;No hay tensor que mostrar&lt;/i&gt;</translation>
        </message>
        <message>
            <source>axis %1</source>
            <translation>eje %1</translation>
        </message>
        <message>
            <source>Which %1 to show (0 to %2)</source>
            <translation>Qué %1 mostrar (de 0 a %2)</translation>
        </message>
        <message>
            <source>Hover over a cell for its exact value.</source>
            <translation>Pase el ratón sobre una celda para ver su valor exacto.</translation>
        </message>
        <message>
            <source>probability (auto 0–%1)</source>
            <translation>probabilidad (auto 0–%1)</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>probabilidad</translation>
        </message>
        <message>
            <source>max |v| per %1×%2 block</source>
            <translation>máx |v| por bloque de %1×%2</translation>
        </message>
        <message>
            <source>Slice %1×%2 — min %3, max %4, mean %5</source>
            <translation>Corte %1×%2 — mín %3, máx %4, media %5</translation>
        </message>
        <message numerus="yes">
            <source>, %n masked cell(s) shown grey</source>
            <translation>
                <numerusform>, %n celda enmascarada en gris</numerusform>
                <numerusform>, %n celdas enmascaradas en gris</numerusform>
            </translation>
        </message>
        <message>
            <source> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</source>
            <translation> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</translation>
        </message>
        <message>
            <source>Row sums: %1</source>
            <translation>Sumas de filas: %1</translation>
        </message>
        <message>
            <source>Row sums from %1 to %2</source>
            <translation>Sumas de filas de %1 a %2</translation>
        </message>
        <message>
            <source>%1 (masked)</source>
            <translation>%1 (enmascarado)</translation>
        </message>
        <message>
            <source>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</source>
            <translation>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;br&gt;Drawn: the largest |value| of rows %1–%2 × columns %3–%4, %5</source>
            <translation>&lt;br&gt;Dibujado: el mayor |valor| de las filas %1–%2 × columnas %3–%4, %5</translation>
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
            <translation>Abrir modelo de Keras</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2 model &lt;i&gt;%3&lt;/i&gt;. Pick the attention layer to step through; its trained weights are read from the file and inputs take the layer's own widths.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — modelo %2 &lt;i&gt;%3&lt;/i&gt;. Elija la capa de atención que quiere recorrer paso a paso; sus pesos entrenados se leen del archivo y las entradas toman los anchos propios de la capa.</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Capa</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Clase</translation>
        </message>
        <message>
            <source>Heads</source>
            <translation>Cabezas</translation>
        </message>
        <message>
            <source>Input widths</source>
            <translation>Anchos de entrada</translation>
        </message>
        <message>
            <source>dtype</source>
            <translation>dtype</translation>
        </message>
        <message>
            <source>Layers inside nested models (%1) cannot be opened: only the top-level model's.</source>
            <translation>Las capas de modelos anidados (%1) no se pueden abrir: solo las del modelo de nivel superior.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::LessonPanel</name>
        <message>
            <source>Click the cell you predict; arrow keys move, Enter chooses.</source>
            <translation>Haga clic en la celda que predice; las flechas mueven, Intro elige.</translation>
        </message>
        <message>
            <source>Type a number</source>
            <translation>Escriba un número</translation>
        </message>
        <message>
            <source>Reveal</source>
            <translation>Revelar</translation>
        </message>
        <message>
            <source>Play the step and mark the answer (Ctrl+Return; Page Down on a question)</source>
            <translation>Reproducir el paso y marcar la respuesta (Ctrl+Intro; Av Pág en una pregunta)</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ Anterior</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Siguiente ▶</translation>
        </message>
        <message>
            <source>Previous slide (Page Up)</source>
            <translation>Diapositiva anterior (Re Pág)</translation>
        </message>
        <message>
            <source>Next slide (Page Down; on a question it reveals first)</source>
            <translation>Diapositiva siguiente (Av Pág; en una pregunta, primero revela)</translation>
        </message>
        <message>
            <source>Next slide (reveal first)</source>
            <translation>Diapositiva siguiente (revelar primero)</translation>
        </message>
        <message>
            <source>Previous slide</source>
            <translation>Diapositiva anterior</translation>
        </message>
        <message>
            <source>Reveal the answer</source>
            <translation>Revelar la respuesta</translation>
        </message>
        <message>
            <source>Choose option %1</source>
            <translation>Elegir la opción %1</translation>
        </message>
        <message>
            <source>Open &amp;lesson…</source>
            <translation>Abrir &amp;lección…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Open a lesson: slides with narration and questions</source>
            <translation>Abrir una lección: diapositivas con narración y preguntas</translation>
        </message>
        <message>
            <source>E&amp;xamples</source>
            <translation>E&amp;jemplos</translation>
        </message>
        <message>
            <source>Save s&amp;lide…</source>
            <translation>Guardar dia&amp;positiva…</translation>
        </message>
        <message>
            <source>Append the current spec, step and view as a slide to a lesson</source>
            <translation>Añadir la spec, el paso y la vista actuales como diapositiva a una lección</translation>
        </message>
        <message>
            <source>Export &amp;handout…</source>
            <translation>Exportar &amp;apuntes…</translation>
        </message>
        <message>
            <source>Every slide of the open lesson, with a page of answers, as a PDF</source>
            <translation>Todas las diapositivas de la lección abierta, con una página de respuestas, en PDF</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>&amp;Lecciones</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>Ejemplo</translation>
        </message>
        <message>
            <source>Lesson: %1</source>
            <translation>Lección: %1</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Lección</translation>
        </message>
        <message>
            <source>(no bundled examples found in %1)</source>
            <translation>(no se encontraron ejemplos incluidos en %1)</translation>
        </message>
        <message>
            <source>(no lessons found in %1)</source>
            <translation>(no se encontraron lecciones en %1)</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Could not open the lesson: %1</source>
            <translation>No se pudo abrir la lección: %1</translation>
        </message>
        <message>
            <source>“%1” is not a number; type e.g. 0.25.</source>
            <translation>«%1» no es un número; escriba por ejemplo 0,25.</translation>
        </message>
        <message>
            <source>Revealed without an answer.</source>
            <translation>Revelado sin respuesta.</translation>
        </message>
        <message>
            <source>&lt;b style="color:#1a7f37"&gt;Right!&lt;/b&gt;</source>
            <translation>&lt;b style="color:#1a7f37"&gt;¡Correcto!&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style="color:#c62828"&gt;Not quite.&lt;/b&gt;</source>
            <translation>&lt;b style="color:#c62828"&gt;No exactamente.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Answer: %1</source>
            <translation>Respuesta: %1</translation>
        </message>
        <message>
            <source>No lesson open. File ▸ Open lesson… or Help ▸ Lessons.</source>
            <translation>No hay ninguna lección abierta. Archivo ▸ Abrir lección… o Ayuda ▸ Lecciones.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — diapositiva %2 de %3</translation>
        </message>
        <message>
            <source>Open lesson</source>
            <translation>Abrir lección</translation>
        </message>
        <message>
            <source>Lessons (*.md);;All files (*)</source>
            <translation>Lecciones (*.md);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Aún no se ha calculado nada.</translation>
        </message>
        <message>
            <source>Save slide to lesson</source>
            <translation>Guardar diapositiva en la lección</translation>
        </message>
        <message>
            <source>Lessons (*.md)</source>
            <translation>Lecciones (*.md)</translation>
        </message>
        <message>
            <source>Save slide</source>
            <translation>Guardar diapositiva</translation>
        </message>
        <message>
            <source>Slide title:</source>
            <translation>Título de la diapositiva:</translation>
        </message>
        <message>
            <source>Slide appended to %1</source>
            <translation>Diapositiva añadida a %1</translation>
        </message>
        <message>
            <source>Export handout</source>
            <translation>Exportar apuntes</translation>
        </message>
        <message>
            <source>Open a lesson first (File ▸ Open lesson…).</source>
            <translation>Abra primero una lección (Archivo ▸ Abrir lección…).</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Click the cell you predict, or move the blue frame with the arrow keys and press Enter.</source>
            <translation>Haga clic en la celda que predice, o mueva el marco azul con las flechas y pulse Intro.</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 pregunta</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n pregunta</numerusform>
                <numerusform>%n preguntas</numerusform>
            </translation>
        </message>
        <message>
            <source>Score: %1 right of %2 answered · %3</source>
            <translation>Puntuación: %1 correctas de %2 respondidas · %3</translation>
        </message>
        <message>
            <source>Export &amp;worksheet…</source>
            <translation>Exportar hoja de &amp;ejercicios…</translation>
        </message>
        <message>
            <source>For students: each question with its operands and room to answer, no answers</source>
            <translation>Para los alumnos: cada pregunta con sus operandos y espacio para responder, sin respuestas</translation>
        </message>
        <message>
            <source>Export answer &amp;key…</source>
            <translation>Exportar &amp;solucionario…</translation>
        </message>
        <message>
            <source>For the teacher: the class plan, every answer with its reasoning, the presenter notes</source>
            <translation>Para el docente: el plan de la clase, cada respuesta con su razonamiento, las notas</translation>
        </message>
        <message>
            <source>Export worksheet</source>
            <translation>Exportar hoja de ejercicios</translation>
        </message>
        <message>
            <source>Export answer key</source>
            <translation>Exportar solucionario</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::MainWindow</name>
        <message>
            <source>1 NaN value</source>
            <translation>1 valor NaN</translation>
        </message>
        <message>
            <source>%1 NaN values</source>
            <translation>%1 valores NaN</translation>
        </message>
        <message>
            <source>1 Inf value</source>
            <translation>1 valor Inf</translation>
        </message>
        <message>
            <source>%1 Inf values</source>
            <translation>%1 valores Inf</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 y %2</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>en %1</translation>
        </message>
        <message>
            <source>rows %1</source>
            <translation>filas %1</translation>
        </message>
        <message>
            <source>%1 contains %2 (%3)</source>
            <translation>%1 contiene %2 (%3)</translation>
        </message>
        <message>
            <source>attnviz — attention, step by step</source>
            <translation>attnviz — la atención, paso a paso</translation>
        </message>
        <message>
            <source>The current operation, animated. Step menu ▸ Replay animation (R) plays it again.</source>
            <translation>La operación actual, animada. Menú Paso ▸ Repetir animación (R) la reproduce de nuevo.</translation>
        </message>
        <message>
            <source>↻ Replay</source>
            <translation>↻ Repetir</translation>
        </message>
        <message>
            <source>Play this step's animation again (R)</source>
            <translation>Reproducir otra vez la animación de este paso (R)</translation>
        </message>
        <message>
            <source>Scrub through this step's animation ([ and ] move it by 5 %)</source>
            <translation>Recorrer la animación de este paso ([ y ] la mueven un 5 %)</translation>
        </message>
        <message>
            <source>Drag to share the height between the stage and the formula</source>
            <translation>Arrastre para repartir la altura entre el escenario y la fórmula</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Escenario</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Comparar</translation>
        </message>
        <message>
            <source>The same inputs through every variant, side by side</source>
            <translation>Las mismas entradas a través de cada variante, lado a lado</translation>
        </message>
        <message>
            <source>1/√dₖ lab</source>
            <translation>Laboratorio 1/√dₖ</translation>
        </message>
        <message>
            <source>Why q·k is divided by √key_dim: spread, saturation, entropy, gradient</source>
            <translation>Por qué q·k se divide entre √key_dim: dispersión, saturación, entropía, gradiente</translation>
        </message>
        <message>
            <source>Equivalence lab</source>
            <translation>Laboratorio de equivalencias</translation>
        </message>
        <message>
            <source>When two layers compute the same thing, and where they part</source>
            <translation>Cuándo dos capas calculan lo mismo y dónde se separan</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Pesos</translation>
        </message>
        <message>
            <source>Every trainable weight of the layer: Keras name, shape, initializer, count, source; edit the numbers or use a preset</source>
            <translation>Cada peso entrenable de la capa: nombre en Keras, forma, inicializador, cantidad, origen; edite los números o use un preajuste</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Configuración</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspector</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Línea de tiempo</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>Detalles…</translation>
        </message>
        <message>
            <source>Read the whole status message</source>
            <translation>Leer el mensaje de estado completo</translation>
        </message>
        <message>
            <source>Computing the new setup; the last result stays on screen until it is ready</source>
            <translation>Calculando la nueva configuración; el último resultado sigue en pantalla hasta que esté lista</translation>
        </message>
        <message numerus="yes">
            <source>Computing… %n step(s) done</source>
            <translation>
                <numerusform>Calculando… %n paso hecho</numerusform>
                <numerusform>Calculando… %n pasos hechos</numerusform>
            </translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>Calculando…</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Lección</translation>
        </message>
        <message>
            <source>&amp;Open spec…</source>
            <translation>&amp;Abrir spec…</translation>
        </message>
        <message>
            <source>Load a spec.json with its inputs and weights</source>
            <translation>Cargar un spec.json con sus entradas y pesos</translation>
        </message>
        <message>
            <source>Open &amp;Keras model…</source>
            <translation>Abrir modelo de &amp;Keras…</translation>
        </message>
        <message>
            <source>Step through a trained attention layer of a saved Keras model (.keras)</source>
            <translation>Recorrer paso a paso una capa de atención entrenada de un modelo de Keras guardado (.keras)</translation>
        </message>
        <message>
            <source>&amp;Save spec…</source>
            <translation>&amp;Guardar spec…</translation>
        </message>
        <message>
            <source>Write the current spec.json with its inputs and weights</source>
            <translation>Escribir el spec.json actual con sus entradas y pesos</translation>
        </message>
        <message>
            <source>&amp;Export heatmap…</source>
            <translation>&amp;Exportar mapa de calor…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the inspector's heatmap as PNG, PDF or SVG</source>
            <translation>Guardar el mapa de calor del inspector como PNG, PDF o SVG</translation>
        </message>
        <message>
            <source>Export s&amp;tage…</source>
            <translation>Exportar &amp;escenario…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Save the stage as PNG, PDF or SVG</source>
            <translation>Guardar el escenario como PNG, PDF o SVG</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>Quit attnviz</source>
            <translation>Salir de attnviz</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>Modo &amp;presentación</translation>
        </message>
        <message>
            <source>Full screen, big fonts, docks hidden; step with the keyboard</source>
            <translation>Pantalla completa, letra grande, paneles ocultos; avance con el teclado</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Acercar</translation>
        </message>
        <message>
            <source>Ctrl+=</source>
            <translation>Ctrl+=</translation>
        </message>
        <message>
            <source>Larger fonts and cells</source>
            <translation>Letra y celdas más grandes</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>A&amp;lejar</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>Smaller fonts and cells</source>
            <translation>Letra y celdas más pequeñas</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>&amp;Restablecer zoom</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Normal size</source>
            <translation>Tamaño normal</translation>
        </message>
        <message>
            <source>&amp;Play / pause</source>
            <translation>&amp;Reproducir / pausa</translation>
        </message>
        <message>
            <source>Step through the computation</source>
            <translation>Recorrer el cálculo paso a paso</translation>
        </message>
        <message>
            <source>&amp;Next step</source>
            <translation>Paso &amp;siguiente</translation>
        </message>
        <message>
            <source>Go to the next step</source>
            <translation>Ir al paso siguiente</translation>
        </message>
        <message>
            <source>P&amp;revious step</source>
            <translation>Paso a&amp;nterior</translation>
        </message>
        <message>
            <source>Go to the previous step</source>
            <translation>Ir al paso anterior</translation>
        </message>
        <message>
            <source>&amp;First step</source>
            <translation>&amp;Primer paso</translation>
        </message>
        <message>
            <source>Go to the first step</source>
            <translation>Ir al primer paso</translation>
        </message>
        <message>
            <source>&amp;Last step</source>
            <translation>Ú&amp;ltimo paso</translation>
        </message>
        <message>
            <source>Go to the last step</source>
            <translation>Ir al último paso</translation>
        </message>
        <message>
            <source>Re&amp;play animation</source>
            <translation>Re&amp;petir animación</translation>
        </message>
        <message>
            <source>Play this step's animation again</source>
            <translation>Reproducir otra vez la animación de este paso</translation>
        </message>
        <message>
            <source>Scrub &amp;back</source>
            <translation>Retroceder (&amp;b)</translation>
        </message>
        <message>
            <source>Move the animation back by 5 %</source>
            <translation>Retroceder la animación un 5 %</translation>
        </message>
        <message>
            <source>Scrub &amp;forward</source>
            <translation>Avanzar (&amp;f)</translation>
        </message>
        <message>
            <source>Move the animation forward by 5 %</source>
            <translation>Avanzar la animación un 5 %</translation>
        </message>
        <message>
            <source>&amp;About attnviz</source>
            <translation>&amp;Acerca de attnviz</translation>
        </message>
        <message>
            <source>What attnviz is</source>
            <translation>Qué es attnviz</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>Salir del modo presentación</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Abrir &amp;reciente</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>&amp;Paso</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n step(s) · %2 FLOPs · computed in %3 ms</source>
            <translation>
                <numerusform>%1 · %n paso · %2 FLOP · calculado en %3 ms</numerusform>
                <numerusform>%1 · %n pasos · %2 FLOP · calculado en %3 ms</numerusform>
            </translation>
        </message>
        <message>
            <source>NOT KERAS: 1/√dₖ turned off (1/√dₖ lab)</source>
            <translation>NO ES KERAS: 1/√dₖ desactivado (laboratorio 1/√dₖ)</translation>
        </message>
        <message>
            <source>Not recomputed: %1 (the last good result stays on screen)</source>
            <translation>No recalculado: %1 (el último resultado válido sigue en pantalla)</translation>
        </message>
        <message>
            <source>%1 has %2 NaN and %3 Inf values (magenta)</source>
            <translation>%1 tiene %2 valores NaN y %3 Inf (magenta)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>An unsaved session from %1 was kept in %2</source>
            <translation>Una sesión sin guardar del %1 se conservó en %2</translation>
        </message>
        <message>
            <source>Restored your unsaved session from %1</source>
            <translation>Se restauró su sesión sin guardar del %1</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>No se pudo abrir %1: %2</translation>
        </message>
        <message>
            <source>Open spec</source>
            <translation>Abrir spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json);;All files (*)</source>
            <translation>Specs de capa (*.json);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Could not open %1:
%2</source>
            <translation>No se pudo abrir %1:
%2</translation>
        </message>
        <message>
            <source>Reading layer '%1' of %2 (its weights are read in a separate process)…</source>
            <translation>Leyendo la capa '%1' de %2 (sus pesos se leen en un proceso aparte)…</translation>
        </message>
        <message>
            <source>Layer '%1' of %2: trained weights from the file, inputs at its widths</source>
            <translation>Capa '%1' de %2: pesos entrenados del archivo, entradas con sus anchos</translation>
        </message>
        <message>
            <source>Open Keras model</source>
            <translation>Abrir modelo de Keras</translation>
        </message>
        <message>
            <source>Keras models (*.keras);;All files (*)</source>
            <translation>Modelos de Keras (*.keras);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Save spec</source>
            <translation>Guardar spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json)</source>
            <translation>Specs de capa (*.json)</translation>
        </message>
        <message>
            <source>Could not save %1:
%2</source>
            <translation>No se pudo guardar %1:
%2</translation>
        </message>
        <message>
            <source>Saved %1 (with its inputs and weights beside it)</source>
            <translation>%1 guardado (con sus entradas y pesos al lado)</translation>
        </message>
        <message>
            <source>Choose the %1 .npy</source>
            <translation>Elegir el .npy de %1</translation>
        </message>
        <message>
            <source>NumPy arrays (*.npy);;All files (*)</source>
            <translation>Arrays de NumPy (*.npy);;Todos los archivos (*)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 guardado</translation>
        </message>
        <message>
            <source>Export stage</source>
            <translation>Exportar escenario</translation>
        </message>
        <message>
            <source>Export heatmap</source>
            <translation>Exportar mapa de calor</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>Imagen PNG (*.png);;Documento PDF (*.pdf);;Dibujo SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exportar</translation>
        </message>
        <message>
            <source>About attnviz</source>
            <translation>Acerca de attnviz</translation>
        </message>
        <message>
            <source>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Keras' three attention layers — MultiHeadAttention, Attention and AdditiveAttention — computed exactly as Keras 3 does, one operation at a time: every tensor with its shape, its formula and the Keras code that produces it.&lt;/p&gt;&lt;p&gt;Keys: Space play/pause, Left/Right step, Home/End first/last, R replay, [ and ] scrub, F5 presentation, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Las tres capas de atención de Keras — MultiHeadAttention, Attention y AdditiveAttention — calculadas exactamente como en Keras 3, una operación cada vez: cada tensor con su forma, su fórmula y el código de Keras que lo produce.&lt;/p&gt;&lt;p&gt;Teclas: Espacio reproducir/pausa, Izquierda/Derecha paso, Inicio/Fin primero/último, R repetir, [ y ] recorrer, F5 presentación, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Hecho con Qt %2 y QCustomPlot.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Step %1 of %2 — %3 · %4 · %5 %6</source>
            <translation>Paso %1 de %2 — %3 · %4 · %5 %6</translation>
        </message>
        <message>
            <source>the folder %1 does not exist</source>
            <translation>la carpeta %1 no existe</translation>
        </message>
        <message>
            <source>the folder %1 is not writable</source>
            <translation>la carpeta %1 no admite escritura</translation>
        </message>
        <message>
            <source>the file exists and is read-only</source>
            <translation>el archivo existe y es de solo lectura</translation>
        </message>
        <message>
            <source>use a .png, .pdf or .svg name, and check the disk has space</source>
            <translation>use un nombre .png, .pdf o .svg y compruebe que queda espacio en el disco</translation>
        </message>
        <message>
            <source>Could not write %1: %2.</source>
            <translation>No se pudo escribir %1: %2.</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Leyendo…</translation>
        </message>
        <message>
            <source>Query–key space</source>
            <translation>Espacio consulta–clave</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane (a PCA): a query lies near the keys it attends to</source>
            <translation>Las consultas y claves de cada cabeza como puntos en un plano (un PCA): una consulta queda cerca de las claves a las que atiende</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Entrenar</translation>
        </message>
        <message>
            <source>Train a small model on a toy task and watch its heads learn</source>
            <translation>Entrenar un modelo pequeño en una tarea de juguete y ver cómo aprenden sus cabezas</translation>
        </message>
        <message>
            <source>Stage, timeline, inspector, Compare and Weights show the trained model's block 1 on the probe example: forward, then backward from the model's own gradient at the block's output.</source>
            <translation>El escenario, la línea de tiempo, el inspector, Comparar y Pesos muestran el bloque 1 del modelo entrenado sobre el ejemplo de prueba: hacia delante y luego hacia atrás desde el propio gradiente del modelo a la salida del bloque.</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>En&amp;trenar</translation>
        </message>
        <message>
            <source>&amp;Query–key space</source>
            <translation>Espacio &amp;consulta–clave</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane; hover a query for its keys</source>
            <translation>Las consultas y claves de cada cabeza como puntos en un plano; pase el ratón sobre una consulta para ver sus claves</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::QkSpaceView</name>
        <message>
            <source>Head</source>
            <translation>Cabeza</translation>
        </message>
        <message>
            <source>Which head's queries and keys are shown</source>
            <translation>De qué cabeza se muestran las consultas y claves</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Lote</translation>
        </message>
        <message>
            <source>The query–key space of one head, after AttentionViz: every query (circle) and key (triangle) of the head as a point, in the plane that shows most of their spread (a PCA of both together). For dot-product scores the keys are first moved by mean(q) − mean(k); that adds the same amount to every score of a query's row, so the attention is unchanged, and a query then lies near the keys it scores highest. Hover a query to see the keys it attends to most.</source>
            <translation>El espacio consulta–clave de una cabeza, según AttentionViz: cada consulta (círculo) y cada clave (triángulo) de la cabeza como un punto, en el plano que muestra la mayor parte de su dispersión (un PCA de ambas juntas). Para puntuaciones de producto escalar, las claves se desplazan primero en mean(q) − mean(k); eso suma la misma cantidad a cada puntuación de la fila de una consulta, así que la atención no cambia, y una consulta queda cerca de las claves a las que da las puntuaciones más altas. Pase el ratón sobre una consulta para ver las claves a las que más atiende.</translation>
        </message>
        <message>
            <source>No query–key space</source>
            <translation>No hay espacio consulta–clave</translation>
        </message>
        <message>
            <source>No trace yet</source>
            <translation>Aún no hay traza</translation>
        </message>
        <message>
            <source>%1 — head %2: queries from “%3”, keys from “%4”</source>
            <translation>%1 — cabeza %2: consultas de «%3», claves de «%4»</translation>
        </message>
        <message>
            <source>%1: queries from “%2”, keys from “%3” (no projections: the inputs themselves)</source>
            <translation>%1: consultas de «%2», claves de «%3» (sin proyecciones: las propias entradas)</translation>
        </message>
        <message>
            <source>queries q (circles)</source>
            <translation>consultas q (círculos)</translation>
        </message>
        <message>
            <source>keys k − mean(k) + mean(q) (triangles)</source>
            <translation>claves k − mean(k) + mean(q) (triángulos)</translation>
        </message>
        <message>
            <source>keys k (triangles)</source>
            <translation>claves k (triángulos)</translation>
        </message>
        <message>
            <source>PC 2 (%1 % of the spread)</source>
            <translation>CP 2 (%1 % de la dispersión)</translation>
        </message>
        <message>
            <source>PC 2 (the points lie on a line)</source>
            <translation>CP 2 (los puntos están en una recta)</translation>
        </message>
        <message>
            <source>PC 1 (%1 % of the spread)</source>
            <translation>CP 1 (%1 % de la dispersión)</translation>
        </message>
        <message>
            <source>PC 1 (all points coincide)</source>
            <translation>CP 1 (todos los puntos coinciden)</translation>
        </message>
        <message>
            <source>This is AttentionViz's trick: the two clouds now share a centre, so distances between them can be compared. Attention follows q·k, not distance, so “near” is a rough guide only. The scores recomputed from these vectors match the trace %1.</source>
            <translation>Este es el truco de AttentionViz: las dos nubes comparten ahora un centro, así que se pueden comparar las distancias entre ellas. La atención sigue a q·k, no a la distancia, así que «cerca» es solo una guía aproximada. Las puntuaciones recalculadas con estos vectores coinciden con la traza %1.</translation>
        </message>
        <message>
            <source>exactly</source>
            <translation>exactamente</translation>
        </message>
        <message>
            <source>within %1</source>
            <translation>con una diferencia de como mucho %1</translation>
        </message>
        <message>
            <source>The two axes are the directions of largest spread of all %1 points (a PCA); other directions are not shown. Hover a query (circle) to see the %2 keys it attends to most, with their weights.</source>
            <translation>Los dos ejes son las direcciones de mayor dispersión de los %1 puntos (un PCA); las demás direcciones no se muestran. Pase el ratón sobre una consulta (círculo) para ver las %2 claves a las que más atiende, con sus pesos.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ScalingLabView</name>
        <message>
            <source>Not Keras: turn 1/√dₖ off in the stage too</source>
            <translation>No es Keras: desactivar 1/√dₖ también en el escenario</translation>
        </message>
        <message>
            <source>Watch the softmax saturate step by step on the stage</source>
            <translation>Ver cómo se satura el softmax paso a paso en el escenario</translation>
        </message>
        <message>
            <source>A what-if that Keras never does: MultiHeadAttention and GroupQueryAttention are recomputed without 1/√key_dim, so the scores are the raw q·k. The stage, the status line and the formula say “not Keras” while it is on.</source>
            <translation>Una hipótesis que Keras nunca hace: MultiHeadAttention y GroupQueryAttention se recalculan sin 1/√key_dim, así que las puntuaciones son el q·k sin escalar. El escenario, la línea de estado y la fórmula dicen «no es Keras» mientras está activo.</translation>
        </message>
        <message>
            <source>Why MultiHeadAttention divides q·k by √key_dim: random unit-normal q and k at every key_dim from 1 to 1024, scored with (blue) and without (red) the scaling. The large dots are the current layer's own numbers.</source>
            <translation>Por qué MultiHeadAttention divide q·k entre √key_dim: q y k aleatorios normales estándar para cada key_dim de 1 a 1024, puntuados con (azul) y sin (rojo) el escalado. Los puntos grandes son los números de la capa actual.</translation>
        </message>
        <message>
            <source>key_dim d</source>
            <translation>key_dim d</translation>
        </message>
        <message>
            <source>q·k (no scaling)</source>
            <translation>q·k (sin escalado)</translation>
        </message>
        <message>
            <source>q·k / √d (Keras)</source>
            <translation>q·k / √d (Keras)</translation>
        </message>
        <message>
            <source>Each point: 64 rows of 16 keys, q and k drawn from N(0, 1) (seed 1). Without the scaling (red) the spread grows like √d and the softmax saturates: one weight near 1, entropy and gradient near 0. With it (blue) nothing depends on d.</source>
            <translation>Cada punto: 64 filas de 16 claves, q y k extraídos de N(0, 1) (semilla 1). Sin el escalado (rojo) la dispersión crece como √d y el softmax se satura: un peso cercano a 1, entropía y gradiente cercanos a 0. Con él (azul) nada depende de d.</translation>
        </message>
        <message>
            <source>This layer (key_dim %1): logits spread %2 scaled, %3 unscaled; largest weight %4 scaled, %5 unscaled.</source>
            <translation>Esta capa (key_dim %1): dispersión de los logits %2 escalados, %3 sin escalar; mayor peso %4 escalado, %5 sin escalar.</translation>
        </message>
        <message>
            <source>This layer has no dot-product scores to mark.</source>
            <translation>Esta capa no tiene puntuaciones de producto escalar que marcar.</translation>
        </message>
        <message>
            <source>NOT KERAS: the stage now runs this layer without 1/√dₖ.</source>
            <translation>NO ES KERAS: el escenario ejecuta ahora esta capa sin 1/√dₖ.</translation>
        </message>
        <message>
            <source>this layer, no scaling</source>
            <translation>esta capa, sin escalado</translation>
        </message>
        <message>
            <source>this layer, scaled</source>
            <translation>esta capa, escalada</translation>
        </message>
        <message>
            <source>The curves draw q and k from N(0, 1); this layer's q and k have standard deviations %1 and %2, so its logits spread about σ_q·σ_k·√d = %3·√d.</source>
            <translation>Las curvas toman q y k de N(0, 1); los q y k de esta capa tienen desviaciones típicas %1 y %2, así que sus logits se dispersan aproximadamente σ_q·σ_k·√d = %3·√d.</translation>
        </message>
        <message>
            <source>That is less than the curves assume: its softmax is less saturated than theirs at the same d (a lower top weight, a higher entropy and gradient), with and without the scaling.</source>
            <translation>Es menos de lo que suponen las curvas: su softmax está menos saturado que el de ellas con el mismo d (un peso máximo menor, una entropía y un gradiente mayores), con y sin escalado.</translation>
        </message>
        <message>
            <source>That is more than the curves assume: its softmax is more saturated than theirs at the same d.</source>
            <translation>Es más de lo que suponen las curvas: su softmax está más saturado que el de ellas con el mismo d.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupCarried</name>
        <message>
            <source>Keras' initializers from seed %1</source>
            <translation>Inicializadores de Keras a partir de la semilla %1</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>capa %1 de %2</translation>
        </message>
        <message>
            <source>the opened spec</source>
            <translation>la spec abierta</translation>
        </message>
        <message>
            <source>Weights: from %1</source>
            <translation>Pesos: de %1</translation>
        </message>
        <message>
            <source>Weights: %1</source>
            <translation>Pesos: %1</translation>
        </message>
        <message>
            <source>; edited: %1</source>
            <translation>; editados: %1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>The weights from %1 do not fit these settings and are kept aside (they are used again when the sizes fit): %2.</source>
            <translation>Los pesos de %1 no encajan con estos ajustes y se guardan aparte (se vuelven a usar cuando los tamaños encajen): %2.</translation>
        </message>
        <message>
            <source>Edited %1 kept aside: not a weight of this shape now.</source>
            <translation>%1 editado guardado aparte: ahora no es un peso con esta forma.</translation>
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
            <translation>Capa</translation>
        </message>
        <message>
            <source>Sizes</source>
            <translation>Tamaños</translation>
        </message>
        <message>
            <source>Masks</source>
            <translation>Máscaras</translation>
        </message>
        <message>
            <source>Dropout and seed</source>
            <translation>Dropout y semilla</translation>
        </message>
        <message>
            <source>e.g. 3 4</source>
            <translation>p. ej. 3 4</translation>
        </message>
        <message>
            <source>Where the layer's weights come from: a weights file, a trained layer of a saved Keras model, Keras' initializers drawn from the seed, or edits in the Weights tab. Loaded weights that no longer fit the layer are kept aside, and used again when the sizes fit them.</source>
            <translation>De dónde vienen los pesos de la capa: un archivo de pesos, una capa entrenada de un modelo de Keras guardado, los inicializadores de Keras a partir de la semilla o ediciones en la pestaña Pesos. Los pesos cargados que ya no encajan en la capa se guardan aparte y se vuelven a usar cuando los tamaños encajan.</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>Descartar</translation>
        </message>
        <message>
            <source>Stop using the masks that came with the spec</source>
            <translation>Dejar de usar las máscaras que venían con la spec</translation>
        </message>
        <message>
            <source>Memory the trace of this setup needs (every intermediate kept), against the memory budget; larger setups are refused before anything is computed</source>
            <translation>La memoria que necesita la traza de esta configuración (se guarda cada resultado intermedio), frente al presupuesto de memoria; las configuraciones mayores se rechazan antes de calcular nada</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Entradas</translation>
        </message>
        <message>
            <source>Random (from the seed)</source>
            <translation>Aleatorias (a partir de la semilla)</translation>
        </message>
        <message>
            <source>Typed sentence</source>
            <translation>Frase escrita</translation>
        </message>
        <message>
            <source>Edit a table</source>
            <translation>Editar una tabla</translation>
        </message>
        <message>
            <source>.npy files</source>
            <translation>Archivos .npy</translation>
        </message>
        <message>
            <source>Standard-normal values drawn from the seed.</source>
            <translation>Valores normales estándar generados a partir de la semilla.</translation>
        </message>
        <message>
            <source>same as query (self-attention)</source>
            <translation>igual que la consulta (autoatención)</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Haga doble clic en una celda para escribir un valor; la capa se recalcula al instante</translation>
        </message>
        <message>
            <source>The query input (Keras: &lt;code&gt;query&lt;/code&gt;), one row per position and batch row; double-click a cell to type a value.</source>
            <translation>La entrada de consulta (Keras: &lt;code&gt;query&lt;/code&gt;), una fila por posición y fila del lote; haga doble clic en una celda para escribir un valor.</translation>
        </message>
        <message>
            <source>The value input (Keras: &lt;code&gt;value&lt;/code&gt;, also the key when there is no key), one row per position and batch row.</source>
            <translation>La entrada de valor (Keras: &lt;code&gt;value&lt;/code&gt;, también la clave cuando no hay clave), una fila por posición y fila del lote.</translation>
        </message>
        <message>
            <source>query</source>
            <translation>consulta</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valor</translation>
        </message>
        <message>
            <source>Refill from the seed</source>
            <translation>Rellenar a partir de la semilla</translation>
        </message>
        <message>
            <source>Replace the table with the random inputs of the current seed</source>
            <translation>Sustituir la tabla por las entradas aleatorias de la semilla actual</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>opcional</translation>
        </message>
        <message>
            <source>path to .npy</source>
            <translation>ruta al .npy</translation>
        </message>
        <message>
            <source>A float32 or float64 .npy of shape [B, length, features]</source>
            <translation>Un .npy float32 o float64 de forma [B, length, features]</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>Choose the %1 .npy file</source>
            <translation>Elegir el archivo .npy de %1</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>capa %1 de %2</translation>
        </message>
        <message>
            <source>%1 does not divide num_query_heads = %2. Valid choices: %3.</source>
            <translation>%1 no divide a num_query_heads = %2. Valores válidos: %3.</translation>
        </message>
        <message>
            <source>the typed %1 sentence</source>
            <translation>la frase %1 escrita</translation>
        </message>
        <message>
            <source>the edited %1 table</source>
            <translation>la tabla %1 editada</translation>
        </message>
        <message>
            <source>the spec's %1</source>
            <translation>el %1 de la spec</translation>
        </message>
        <message>
            <source>Trace: about %1 — over the %2 memory budget</source>
            <translation>Traza: unos %1 — por encima del presupuesto de memoria de %2</translation>
        </message>
        <message>
            <source>Trace: about %1 of the %2 memory budget</source>
            <translation>Traza: unos %1 del presupuesto de memoria de %2</translation>
        </message>
        <message>
            <source>%1 is outside the %2 table (%3 rows × %4 columns); choose inputs=table first.</source>
            <translation>%1 está fuera de la tabla %2 (%3 filas × %4 columnas); elija primero inputs=table.</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number.</source>
            <translation>%1: «%2» no es un número.</translation>
        </message>
        <message>
            <source>%1 is one of %2. Received: %3</source>
            <translation>%1 es uno de %2. Recibido: %3</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>%1 takes a whole number from %2 to %3. Received: %4</source>
            <translation>%1 admite un número entero de %2 a %3. Recibido: %4</translation>
        </message>
        <message>
            <source>%1 takes a number from %2 to %3. Received: %4</source>
            <translation>%1 admite un número de %2 a %3. Recibido: %4</translation>
        </message>
        <message>
            <source>%1 takes true or false. Received: %2</source>
            <translation>%1 admite true o false. Recibido: %2</translation>
        </message>
        <message>
            <source>No setting “%1”; known: %2</source>
            <translation>No hay ningún ajuste «%1»; conocidos: %2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>The spec's %1 no longer fit batch %2 × query %3 × source %4 and were dropped.</source>
            <translation>Los %1 de la spec ya no encajan con lote %2 × consulta %3 × origen %4 y se descartaron.</translation>
        </message>
        <message>
            <source>per-batch query_mask</source>
            <translation>query_mask por lote</translation>
        </message>
        <message>
            <source>per-batch value_mask</source>
            <translation>value_mask por lote</translation>
        </message>
        <message>
            <source>From the spec: %1</source>
            <translation>De la spec: %1</translation>
        </message>
        <message>
            <source>The query sentence is empty: type at least one word.</source>
            <translation>La frase de consulta está vacía: escriba al menos una palabra.</translation>
        </message>
        <message>
            <source>Choose a .npy file for %1.</source>
            <translation>Elija un archivo .npy para %1.</translation>
        </message>
        <message>
            <source>%1 was not read.</source>
            <translation>%1 no se leyó.</translation>
        </message>
        <message>
            <source>(from the spec)</source>
            <translation>(de la spec)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StageView</name>
        <message>
            <source>Predict the result, then Reveal.</source>
            <translation>Prediga el resultado y luego pulse Revelar.</translation>
        </message>
        <message>
            <source>attnviz stage</source>
            <translation>escenario de attnviz</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StepTimeline</name>
        <message>
            <source>First step (Home)</source>
            <translation>Primer paso (Inicio)</translation>
        </message>
        <message>
            <source>Previous step (Left)</source>
            <translation>Paso anterior (Izquierda)</translation>
        </message>
        <message>
            <source>Play / pause (Space)</source>
            <translation>Reproducir / pausa (Espacio)</translation>
        </message>
        <message>
            <source>Next step (Right)</source>
            <translation>Paso siguiente (Derecha)</translation>
        </message>
        <message>
            <source>Last step (End)</source>
            <translation>Último paso (Fin)</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Velocidad de reproducción</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Step 88 of 88</source>
            <translation>Paso 88 de 88</translation>
        </message>
        <message>
            <source>The steps of the computation. Click one to jump there.</source>
            <translation>Los pasos del cálculo. Haga clic en uno para ir a él.</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Velocidad:</translation>
        </message>
        <message>
            <source>No steps</source>
            <translation>Sin pasos</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Paso %1 de %2</translation>
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
            <translation>Σ fila</translation>
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
            <translation>Revelar el patrón esperado</translation>
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
            <translation>Reproducir</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Paso</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Reiniciar</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>Escala logarítmica</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Tarea</translation>
        </message>
        <message>
            <source>Said after training, so that you can predict it first</source>
            <translation>Se dice tras el entrenamiento, para que pueda predecirlo antes</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modelo</translation>
        </message>
        <message>
            <source>Every block trains this layer with these options: change them in Setup</source>
            <translation>Cada bloque entrena esta capa con estas opciones: cámbielas en Configuración</translation>
        </message>
        <message>
            <source>Layer (Setup):</source>
            <translation>Capa (Configuración):</translation>
        </message>
        <message>
            <source>Blocks:</source>
            <translation>Bloques:</translation>
        </message>
        <message>
            <source>Embed width:</source>
            <translation>Ancho del embedding:</translation>
        </message>
        <message>
            <source>Vocabulary:</source>
            <translation>Vocabulario:</translation>
        </message>
        <message>
            <source>Length:</source>
            <translation>Longitud:</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Lote:</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Semilla:</translation>
        </message>
        <message>
            <source>Adam's learning rate; change it while training and the next step uses it</source>
            <translation>La tasa de aprendizaje de Adam; cámbiela durante el entrenamiento y el siguiente paso la usará</translation>
        </message>
        <message>
            <source>Learning rate:</source>
            <translation>Tasa de aprendizaje:</translation>
        </message>
        <message>
            <source>a = Add()([x, attention(x)]): the block's input is added back</source>
            <translation>a = Add()([x, attention(x)]): la entrada del bloque se vuelve a sumar</translation>
        </message>
        <message>
            <source>a = LayerNormalization(epsilon=1e-3)(a)</source>
            <translation>a = LayerNormalization(epsilon=1e-3)(a)</translation>
        </message>
        <message>
            <source>Play / pause training (Space)</source>
            <translation>Reproducir / pausar el entrenamiento (Espacio)</translation>
        </message>
        <message>
            <source>One update: a batch, its loss, the gradients, one Adam step</source>
            <translation>Una actualización: un lote, su pérdida, los gradientes, un paso de Adam</translation>
        </message>
        <message>
            <source>Back to the initial weights: the same seed gives the same curve again</source>
            <translation>Volver a los pesos iniciales: la misma semilla vuelve a dar la misma curva</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Velocidad:</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 pasos/s</translation>
        </message>
        <message>
            <source>50 steps/s</source>
            <translation>50 pasos/s</translation>
        </message>
        <message>
            <source>200 steps/s</source>
            <translation>200 pasos/s</translation>
        </message>
        <message>
            <source>as fast as it goes</source>
            <translation>lo más rápido posible</translation>
        </message>
        <message>
            <source>Take it home</source>
            <translation>Llévatelo</translation>
        </message>
        <message>
            <source>Trained layer weights (weights.npz, for Setup)…</source>
            <translation>Pesos de la capa entrenada (weights.npz, para Configuración)…</translation>
        </message>
        <message>
            <source>The run as a train.json bundle…</source>
            <translation>La ejecución como paquete train.json…</translation>
        </message>
        <message>
            <source>Keras training script…</source>
            <translation>Script de entrenamiento de Keras…</translation>
        </message>
        <message>
            <source>PyTorch training script…</source>
            <translation>Script de entrenamiento de PyTorch…</translation>
        </message>
        <message>
            <source>Trained model as .keras…</source>
            <translation>Modelo entrenado como .keras…</translation>
        </message>
        <message>
            <source>step</source>
            <translation>paso</translation>
        </message>
        <message>
            <source>loss (cross-entropy)</source>
            <translation>pérdida (entropía cruzada)</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>exactitud</translation>
        </message>
        <message>
            <source>Probe:</source>
            <translation>Prueba:</translation>
        </message>
        <message>
            <source>The example whose attention is drawn: token ids separated by spaces</source>
            <translation>El ejemplo cuya atención se dibuja: ids de tokens separados por espacios</translation>
        </message>
        <message>
            <source>The probe's attention weights in every head of every block (rows: queries, columns: keys; 0–1 viridis)</source>
            <translation>Los pesos de atención de la prueba en cada cabeza de cada bloque (filas: consultas, columnas: claves; 0–1 viridis)</translation>
        </message>
        <message>
            <source>‖gradient‖ of each weight (last step)</source>
            <translation>‖gradiente‖ de cada peso (último paso)</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>peso</translation>
        </message>
        <message>
            <source>‖g‖</source>
            <translation>‖g‖</translation>
        </message>
        <message>
            <source>At most %1 here: the small multiples stay readable and a step stays under a frame. Received: %2</source>
            <translation>Como máximo %1 aquí: los gráficos pequeños siguen siendo legibles y un paso dura menos de un fotograma. Recibido: %2</translation>
        </message>
        <message>
            <source>A task needs at least 2 tokens. Received: %1</source>
            <translation>Una tarea necesita al menos 2 tokens. Recibido: %1</translation>
        </message>
        <message>
            <source>lookup needs a key, its value and a query: length 3 or more. Received: %1</source>
            <translation>lookup necesita una clave, su valor y una consulta: longitud 3 o más. Recibido: %1</translation>
        </message>
        <message>
            <source>lookup draws %1 distinct keys from the lower half of the vocabulary: it needs at least %2 tokens for length %3. Received: %4</source>
            <translation>lookup toma %1 claves distintas de la mitad inferior del vocabulario: necesita al menos %2 tokens para la longitud %3. Recibido: %4</translation>
        </message>
        <message>
            <source>lookup uses at most 128 tokens. Received: %1</source>
            <translation>lookup usa como máximo 128 tokens. Recibido: %1</translation>
        </message>
        <message>
            <source>induction repeats a first half: length 4 or more. Received: %1</source>
            <translation>induction repite una primera mitad: longitud 4 o más. Recibido: %1</translation>
        </message>
        <message>
            <source>, called with use_causal_mask=True (the task is causal)</source>
            <translation>, llamada con use_causal_mask=True (la tarea es causal)</translation>
        </message>
        <message>
            <source>unknown task '%1'; known: %2</source>
            <translation>tarea desconocida '%1'; conocidas: %2</translation>
        </message>
        <message>
            <source>expected a number</source>
            <translation>se esperaba un número</translation>
        </message>
        <message>
            <source>unknown setting; known: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</source>
            <translation>ajuste desconocido; conocidos: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</translation>
        </message>
        <message>
            <source>expected an integer</source>
            <translation>se esperaba un entero</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pausa</translation>
        </message>
        <message>
            <source>Each token is an id from 0 to %1. Received: %2</source>
            <translation>Cada token es un id de 0 a %1. Recibido: %2</translation>
        </message>
        <message>
            <source>The probe needs %1 tokens (the model's length). Received: %2</source>
            <translation>La prueba necesita %1 tokens (la longitud del modelo). Recibido: %2</translation>
        </message>
        <message>
            <source>no temporary folder</source>
            <translation>no hay carpeta temporal</translation>
        </message>
        <message>
            <source>attnviz-trace could not write the .keras file: %1</source>
            <translation>attnviz-trace no pudo escribir el archivo .keras: %1</translation>
        </message>
        <message>
            <source>Trained layer weights</source>
            <translation>Pesos de la capa entrenada</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>Archivo de NumPy (*.npz)</translation>
        </message>
        <message>
            <source>Folder for train.json and its data</source>
            <translation>Carpeta para train.json y sus datos</translation>
        </message>
        <message>
            <source>Keras training script</source>
            <translation>Script de entrenamiento de Keras</translation>
        </message>
        <message>
            <source>PyTorch training script</source>
            <translation>Script de entrenamiento de PyTorch</translation>
        </message>
        <message>
            <source>Python (*.py)</source>
            <translation>Python (*.py)</translation>
        </message>
        <message>
            <source>Trained model</source>
            <translation>Modelo entrenado</translation>
        </message>
        <message>
            <source>Keras model (*.keras)</source>
            <translation>Modelo de Keras (*.keras)</translation>
        </message>
        <message>
            <source>wrote %1</source>
            <translation>se escribió %1</translation>
        </message>
        <message>
            <source>could not write %1: %2</source>
            <translation>no se pudo escribir %1: %2</translation>
        </message>
        <message>
            <source> · %1 steps/s</source>
            <translation> · %1 pasos/s</translation>
        </message>
        <message>
            <source>not trained yet</source>
            <translation>aún sin entrenar</translation>
        </message>
        <message>
            <source>loss %1 · accuracy %2</source>
            <translation>pérdida %1 · exactitud %2</translation>
        </message>
        <message>
            <source>step %1 · %2%3</source>
            <translation>paso %1 · %2%3</translation>
        </message>
        <message>
            <source>The pattern to expect: %1. Compare it with the heads drawn here.</source>
            <translation>El patrón esperado: %1. Compárelo con las cabezas dibujadas aquí.</translation>
        </message>
        <message>
            <source>The pattern to expect is said after training: predict it first.</source>
            <translation>El patrón esperado se dice tras el entrenamiento: predígalo primero.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::WeightsPanel</name>
        <message>
            <source>Keras name</source>
            <translation>Nombre en Keras</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>Forma</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Parámetros</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Origen</translation>
        </message>
        <message>
            <source>Initializer</source>
            <translation>Inicializador</translation>
        </message>
        <message>
            <source>weights.npz key</source>
            <translation>clave en weights.npz</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identidad</translation>
        </message>
        <message>
            <source>Zeros</source>
            <translation>Ceros</translation>
        </message>
        <message>
            <source>Ones</source>
            <translation>Unos</translation>
        </message>
        <message>
            <source>Redraw from seed</source>
            <translation>Volver a generar con la semilla</translation>
        </message>
        <message>
            <source>The identity matrix, where the weight viewed as (inputs × outputs) is square</source>
            <translation>La matriz identidad, donde el peso visto como (entradas × salidas) es cuadrado</translation>
        </message>
        <message>
            <source>Keras' initializer, drawn from the setup's seed</source>
            <translation>El inicializador de Keras, generado con la semilla de la configuración</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Haga doble clic en una celda para escribir un valor; la capa se recalcula al instante</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>editado</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt;: %n trainable weight(s), &lt;b&gt;%2&lt;/b&gt; parameters in all (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n peso entrenable, &lt;b&gt;%2&lt;/b&gt; parámetros en total (&lt;code&gt;layer.count_params()&lt;/code&gt; de Keras).</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt;: %n pesos entrenables, &lt;b&gt;%2&lt;/b&gt; parámetros en total (&lt;code&gt;layer.count_params()&lt;/code&gt; de Keras).</numerusform>
            </translation>
        </message>
        <message>
            <source>The Transformer sub-layer's LayerNormalization adds %1 (a layer of its own).</source>
            <translation>La LayerNormalization de la subcapa Transformer añade %1 (es una capa aparte).</translation>
        </message>
        <message>
            <source>This layer has no weights with these settings (use_scale or score_mode="concat" give Attention its scalars).</source>
            <translation>Esta capa no tiene pesos con estos ajustes (use_scale o score_mode="concat" dan a Attention sus escalares).</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2, shown as %3 × %4 (rows: its inputs, columns: its outputs)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2, mostrado como %3 × %4 (filas: sus entradas, columnas: sus salidas)</translation>
        </message>
        <message>
            <source>The identity matrix: this weight passes its input through unchanged</source>
            <translation>La matriz identidad: este peso deja pasar su entrada sin cambios</translation>
        </message>
        <message>
            <source>No identity: %1.</source>
            <translation>Sin identidad: %1.</translation>
        </message>
        <message>
            <source>No weight is selected.</source>
            <translation>No hay ningún peso seleccionado.</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>identidad</translation>
        </message>
        <message>
            <source>zeros</source>
            <translation>ceros</translation>
        </message>
        <message>
            <source>ones</source>
            <translation>unos</translation>
        </message>
        <message>
            <source>redrawn from seed %1</source>
            <translation>regenerado con la semilla %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::stage</name>
        <message>
            <source>row %1 of the logits (%2)</source>
            <translation>fila %1 de los logits (%2)</translation>
        </message>
        <message>
            <source>max %1</source>
            <translation>máx %1</translation>
        </message>
        <message>
            <source>exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1</source>
            <translation>exp(s − máx): restar el máximo de la fila %1 para que exp no desborde; el mayor pasa a ser 1</translation>
        </message>
        <message>
            <source>÷ Σ = %1: the row now sums to 1 — these are the weights of row %2</source>
            <translation>÷ Σ = %1: la fila suma ahora 1 — estos son los pesos de la fila %2</translation>
        </message>
        <message>
            <source>The %1 largest weights, and the other %2 keys as one bar. </source>
            <translation>Los %1 mayores pesos, y las otras %2 claves como una sola barra. </translation>
        </message>
        <message>
            <source>%1 removes %2</source>
            <translation>%1 elimina %2</translation>
        </message>
        <message>
            <source>A pair may attend only where every part keeps it (1): %1 of %2 cells here; %3.</source>
            <translation>Un par solo puede atender donde todas las partes lo conservan (1): %1 de %2 celdas aquí; %3.</translation>
        </message>
        <message>
            <source>Cell by cell: %1 = %2.</source>
            <translation>Celda a celda: %1 = %2.</translation>
        </message>
        <message>
            <source>A gate near 0 silences that channel of the head; near 1 it passes unchanged.</source>
            <translation>Una compuerta cercana a 0 silencia ese canal de la cabeza; cercana a 1 pasa sin cambios.</translation>
        </message>
        <message>
            <source>Cannot animate this step: %1</source>
            <translation>No se puede animar este paso: %1</translation>
        </message>
        <message>
            <source>Operands not available; showing the result only.</source>
            <translation>Operandos no disponibles; solo se muestra el resultado.</translation>
        </message>
        <message>
            <source>batch %1</source>
            <translation>lote %1</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>cabeza %1</translation>
        </message>
        <message>
            <source>The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. Keras folds this reshape into output_dense's einsum.</source>
            <translation>Los contextos de las %1 cabezas se colocan lado a lado: [%2, %3 × %4] → [%2, %5]. Keras integra este reshape en el einsum de output_dense.</translation>
        </message>
        <message>
            <source>Every cell is multiplied by %1: %2 × %1 = %3.</source>
            <translation>Cada celda se multiplica por %1: %2 × %1 = %3.</translation>
        </message>
        <message>
            <source>dropout →</source>
            <translation>dropout →</translation>
        </message>
        <message>
            <source>%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the expected sum stays the same. Training only.</source>
            <translation>%1 de %2 pesos descartados (tachados); los que se conservan se escalan por %3 para que la suma esperada no cambie. Solo en entrenamiento.</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Cada fila se normaliza sobre sus %1 características: y = γ·(x − μ)/√(σ² + ε) + β.</translation>
        </message>
        <message>
            <source>broadcast from %1</source>
            <translation>difundido desde %1</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): their logits become a large negative number, so softmax gives them weight 0.</source>
            <translation>%1 de %2 celdas están enmascaradas (máscara = 0): sus logits se convierten en un número negativo grande, así que el softmax les da peso 0.</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): they are set to 0.</source>
            <translation>%1 de %2 celdas están enmascaradas (máscara = 0): se ponen a 0.</translation>
        </message>
        <message>
            <source>where</source>
            <translation>donde</translation>
        </message>
        <message>
            <source>… (%1 terms)</source>
            <translation>… (%1 términos)</translation>
        </message>
        <message>
            <source>bias %1</source>
            <translation>sesgo %1</translation>
        </message>
        <message>
            <source>Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).</source>
            <translation>Cada celda es un producto escalar: una fila de %1 por una columna de %2 (%3 términos).</translation>
        </message>
        <message>
            <source>A Dense projection is one matrix product per token: x · W%1, all heads at once (the kernel is shown as a matrix of %2 × %3).</source>
            <translation>Una proyección Dense es un producto de matrices por token: x · W%1, todas las cabezas a la vez (el kernel se muestra como una matriz de %2 × %3).</translation>
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
            <translation>cabeza de consulta %1 ← cabeza %2</translation>
        </message>
        <message>
            <source>query heads %1–%2 ← head %3</source>
            <translation>cabezas de consulta %1–%2 ← cabeza %3</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis: %4.</source>
            <translation>ops.repeat copia cada una de las %1 cabezas %2 %3 veces a lo largo del eje de cabezas: %4.</translation>
        </message>
        <message>
            <source>The selected query head %1 reads %2 head %3, shared with %4 other query head(s).</source>
            <translation>La cabeza de consulta elegida %1 lee la cabeza %2 %3, compartida con %4 cabeza(s) de consulta más.</translation>
        </message>
        <message>
            <source>%1 others</source>
            <translation>%1 más</translation>
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
            <translation>escalado</translation>
        </message>
        <message>
            <source>%1 (scalar, shape %2)</source>
            <translation>%1 (escalar, forma %2)</translation>
        </message>
        <message>
            <source> · tanh</source>
            <translation> · tanh</translation>
        </message>
        <message>
            <source>(the intermediate terms are not shown: this step's weights are not in the trace)</source>
            <translation>(los términos intermedios no se muestran: los pesos de este paso no están en la traza)</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>filas</translation>
        </message>
        <message>
            <source>columns</source>
            <translation>columnas</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>de %1</translation>
        </message>
        <message>
            <source>in</source>
            <translation>entrada</translation>
        </message>
        <message>
            <source>head·unit</source>
            <translation>cabeza·unidad</translation>
        </message>
        <message>
            <source>out</source>
            <translation>salida</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>peso %1</translation>
        </message>
        <message>
            <source>… and the same for every other cell (%1 of %2)</source>
            <translation>… y lo mismo para cada una de las demás celdas (%1 de %2)</translation>
        </message>
        <message>
            <source>No step to show</source>
            <translation>No hay ningún paso que mostrar</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: row %2 has mean μ = %3 and σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Cada fila se normaliza sobre sus %1 características: la fila %2 tiene media μ = %3 y σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</translation>
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
            <translation>se esperaba NOMBRE=VALOR</translation>
        </message>
        <message>
            <source>attnviz: --lang: %1</source>
            <translation>attnviz: --lang: %1</translation>
        </message>
        <message>
            <source>Step through Keras' attention layers.</source>
            <translation>Recorrer paso a paso las capas de atención de Keras.</translation>
        </message>
        <message>
            <source>Render the window offscreen to a PNG and exit.</source>
            <translation>Dibujar la ventana fuera de pantalla en un PNG y salir.</translation>
        </message>
        <message>
            <source>The spec.json to load.</source>
            <translation>El spec.json que cargar.</translation>
        </message>
        <message>
            <source>The step to show (its key, e.g. weights).</source>
            <translation>El paso que mostrar (su clave, p. ej. weights).</translation>
        </message>
        <message>
            <source>Window size for --screenshot.</source>
            <translation>Tamaño de la ventana para --screenshot.</translation>
        </message>
        <message>
            <source>With --screenshot: the view to show, one of %1 (default: stage).</source>
            <translation>Con --screenshot: la vista que mostrar, una de %1 (por defecto: stage).</translation>
        </message>
        <message>
            <source>Start in presentation mode.</source>
            <translation>Empezar en modo presentación.</translation>
        </message>
        <message>
            <source>Measure recompute and repaint times, then exit.</source>
            <translation>Medir los tiempos de recálculo y redibujado y salir.</translation>
        </message>
        <message>
            <source>Where the session autosave lives (default: $ATTNVIZ_STATE_DIR, else the app data folder).</source>
            <translation>Dónde se guarda la sesión automáticamente (por defecto: $ATTNVIZ_STATE_DIR; si no, la carpeta de datos de la aplicación).</translation>
        </message>
        <message>
            <source>Set a setup field after start, as if typed: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Repeatable.</source>
            <translation>Fijar un campo de la configuración tras el inicio, como si se escribiera: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Repetible.</translation>
        </message>
        <message>
            <source>With --lesson: the slide to show (1-based).</source>
            <translation>Con --lesson: la diapositiva que mostrar (empezando en 1).</translation>
        </message>
        <message>
            <source>With --lesson --screenshot: reveal the question.</source>
            <translation>Con --lesson --screenshot: revelar la pregunta.</translation>
        </message>
        <message>
            <source>With --lesson: render every slide and the answers into a PDF and exit.</source>
            <translation>Con --lesson: dibujar cada diapositiva y las respuestas en un PDF y salir.</translation>
        </message>
        <message>
            <source>Refuse setups whose trace needs more memory (e.g. 512M, 8G; default 4G).</source>
            <translation>Rechazar configuraciones cuya traza necesite más memoria (p. ej. 512M, 8G; por defecto 4G).</translation>
        </message>
        <message>
            <source>Threads for computing traces (0: every core; default: the compute/threads setting, else every core). The numbers do not depend on it.</source>
            <translation>Hilos para calcular las trazas (0: todos los núcleos; por defecto: el ajuste compute/threads o, si no, todos los núcleos). Los números no dependen de ello.</translation>
        </message>
        <message>
            <source>Colour probability steps from 0 to their top (largest value, or 99.5th percentile of 1000 or more) instead of 0–1.</source>
            <translation>Colorear los pasos de probabilidad de 0 a su máximo (el mayor valor o, desde 1000 valores, el percentil 99,5) en lugar de 0–1.</translation>
        </message>
        <message>
            <source>The language of the window: en, de, fr, es or zh_CN (default: View ▸ Language, else the system's).</source>
            <translation>El idioma de la ventana: en, de, fr, es o zh_CN (por defecto: Ver ▸ Idioma o, si no, el del sistema).</translation>
        </message>
        <message>
            <source>attnviz: --threads must be a number from 0 to 256. Received: %1</source>
            <translation>attnviz: --threads debe ser un número de 0 a 256. Recibido: %1</translation>
        </message>
        <message>
            <source>attnviz: --max-memory must be a positive size such as 512M, 1.5G or 8G (K, M, G, T are powers of 1024). Received: %1</source>
            <translation>attnviz: --max-memory debe ser un tamaño positivo como 512M, 1.5G u 8G (K, M, G, T son potencias de 1024). Recibido: %1</translation>
        </message>
        <message>
            <source>attnviz: --slide must be a slide number from 1. Received: %1</source>
            <translation>attnviz: --slide debe ser un número de diapositiva desde 1. Recibido: %1</translation>
        </message>
        <message>
            <source>attnviz: --size must be WxH, e.g. 1280x800. Received: %1</source>
            <translation>attnviz: --size debe ser AxA, p. ej. 1280x800. Recibido: %1</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz: no se puede usar %1: %2</translation>
        </message>
        <message>
            <source>With --lesson: a student's worksheet PDF (operands, questions, room to answer; no results, no answers) and exit.</source>
            <translation>Con --lesson: una hoja de ejercicios PDF para el alumno (operandos, preguntas, espacio para responder; sin resultados ni respuestas) y salir.</translation>
        </message>
        <message>
            <source>With --lesson: the teacher's answer key PDF (the class plan with each slide's minutes, presenter notes, answers with their reasoning) and exit.</source>
            <translation>Con --lesson: el solucionario PDF del docente (el plan de la clase con los minutos de cada diapositiva, notas, respuestas con su razonamiento) y salir.</translation>
        </message>
        <message>
            <source>attnviz: --%1 needs --lesson FILE</source>
            <translation>attnviz: --%1 necesita --lesson ARCHIVO</translation>
        </message>
        <message>
            <source>Open this lesson: a Markdown file (see the README), or a bundled lesson by number (2) or name (02-why-scale).</source>
            <translation>Abrir esta lección: un archivo Markdown (véase el README), o una lección incluida por número (2) o nombre (02-why-scale).</translation>
        </message>
        <message>
            <source>A spec to open (as --spec), or a lesson when it ends in .md (as --lesson).</source>
            <translation>Una spec que abrir (como --spec), o una lección si termina en .md (como --lesson).</translation>
        </message>
        <message>
            <source>attnviz: give one FILE, or --spec / --lesson. Received: %1</source>
            <translation>attnviz: indique un ARCHIVO, o --spec / --lesson. Recibido: %1</translation>
        </message>
        <message>
            <source>With --screenshot: train the Train view this many steps first (--view train shows it; another view shows the trained layer on the probe).</source>
            <translation>Con --screenshot: entrenar primero la vista Entrenar este número de pasos (--view train la muestra; otra vista muestra la capa entrenada sobre la prueba).</translation>
        </message>
        <message>
            <source>With --screenshot --view train: the task (copy, reverse, copy_previous, max, sort, lookup, induction).</source>
            <translation>Con --screenshot --view train: la tarea (copy, reverse, copy_previous, max, sort, lookup, induction).</translation>
        </message>
        <message>
            <source>attnviz: --train-steps must be 0 to 1000000. Received: %1</source>
            <translation>attnviz: --train-steps debe estar entre 0 y 1000000. Recibido: %1</translation>
        </message>
    </context>
</TS>
