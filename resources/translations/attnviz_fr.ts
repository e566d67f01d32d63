<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
    <context>
        <name>AxisName</name>
        <message>
            <source>batch</source>
            <translation>lot</translation>
        </message>
        <message>
            <source>head</source>
            <translation>tête</translation>
        </message>
        <message>
            <source>query</source>
            <translation>requête</translation>
        </message>
        <message>
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>caractéristique</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Out of memory while computing the trace. Use smaller sizes.</source>
            <translation>Mémoire insuffisante pour calculer la trace. Choisissez des tailles plus petites.</translation>
        </message>
    </context>
    <context>
        <name>CoreFormula</name>
        <message>
            <source>where</source>
            <translation>où</translation>
        </message>
        <message>
            <source>if</source>
            <translation>si</translation>
        </message>
        <message>
            <source>else</source>
            <translation>sinon</translation>
        </message>
        <message>
            <source>not Keras: Keras uses</source>
            <translation>pas Keras : Keras utilise</translation>
        </message>
    </context>
    <context>
        <name>CoreText</name>
        <message>
            <source>Received: %1</source>
            <translation>Reçu : %1</translation>
        </message>
        <message>
            <source>%1 must be a positive integer. Received: %2</source>
            <translation>%1 doit être un entier positif. Reçu : %2</translation>
        </message>
        <message>
            <source>%1 must be a positive integer or None. Received: %2</source>
            <translation>%1 doit être un entier positif ou None. Reçu : %2</translation>
        </message>
        <message>
            <source>`sliding_window` must be `None` or a positive integer. Received: %1</source>
            <translation>`sliding_window` doit être `None` ou un entier positif. Reçu : %1</translation>
        </message>
        <message>
            <source>`num_query_heads` must be divisible by `num_key_value_heads`: with num_query_heads=%1, num_key_value_heads may be %2. Received: %3</source>
            <translation>`num_query_heads` doit être divisible par `num_key_value_heads` : avec num_query_heads=%1, num_key_value_heads peut valoir %2. Reçu : %3</translation>
        </message>
        <message>
            <source>GroupQueryAttention has no value_dim or output_shape: values use head_dim and the output has the query's width.</source>
            <translation>GroupQueryAttention n'a ni value_dim ni output_shape : les valeurs utilisent head_dim et la sortie a la largeur de la requête.</translation>
        </message>
        <message>
            <source>The Transformer sub-layer (Add &amp; LayerNormalization) follows MultiHeadAttention only.</source>
            <translation>La sous-couche Transformer (Add &amp; LayerNormalization) ne suit que MultiHeadAttention.</translation>
        </message>
        <message>
            <source>%1 has no use_gate argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 n'a pas d'argument use_gate ; MultiHeadAttention et GroupQueryAttention en ont un.</translation>
        </message>
        <message>
            <source>%1 has no sliding_window argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 n'a pas d'argument sliding_window ; MultiHeadAttention et GroupQueryAttention en ont un.</translation>
        </message>
        <message>
            <source>dropout must be a rate in [0, 1). Received: %1</source>
            <translation>dropout doit être un taux dans [0, 1). Reçu : %1</translation>
        </message>
        <message>
            <source>The batch size must be positive. Received: %1</source>
            <translation>La taille du lot doit être positive. Reçu : %1</translation>
        </message>
        <message>
            <source>The query length must be positive. Received: %1</source>
            <translation>La longueur de la requête doit être positive. Reçu : %1</translation>
        </message>
        <message>
            <source>The source length must be positive. Received: %1</source>
            <translation>La longueur de la source doit être positive. Reçu : %1</translation>
        </message>
        <message>
            <source>The %1 must be a rank-3 tensor %2. Received: %3</source>
            <translation>%1 doit être un tenseur de rang 3 %2. Reçu : %3</translation>
        </message>
        <message>
            <source>The %1 must have shape %2 %3. Received: %4</source>
            <translation>%1 doit avoir la forme %2 %3. Reçu : %4</translation>
        </message>
        <message>
            <source>The %1 is empty: every dimension must be at least 1. Received: %2</source>
            <translation>%1 est vide : chaque dimension doit valoir au moins 1. Reçu : %2</translation>
        </message>
        <message>
            <source>The value's batch size must match the query's (%1). Received: %2</source>
            <translation>La taille de lot de la valeur doit correspondre à celle de la requête (%1). Reçu : %2</translation>
        </message>
        <message>
            <source>The key's batch size must match the query's (%1). Received: %2</source>
            <translation>La taille de lot de la clé doit correspondre à celle de la requête (%1). Reçu : %2</translation>
        </message>
        <message>
            <source>key and value must have the same length (source_len = %1). Received: %2</source>
            <translation>key et value doivent avoir la même longueur (source_len = %1). Reçu : %2</translation>
        </message>
        <message>
            <source>There must be one query token per query row (%1). Received: %2</source>
            <translation>Il faut un jeton de requête par ligne de requête (%1). Reçu : %2</translation>
        </message>
        <message>
            <source>There must be one source token per value row (%1). Received: %2</source>
            <translation>Il faut un jeton source par ligne de valeur (%1). Reçu : %2</translation>
        </message>
        <message>
            <source>%1 has no projections, so the query and the %2 must have the same last dimension. Received: %3</source>
            <translation>%1 n'a pas de projections, la requête et la %2 doivent donc avoir la même dernière dimension. Reçu : %3</translation>
        </message>
        <message>
            <source>value (used as key)</source>
            <translation>valeur (utilisée comme clé)</translation>
        </message>
        <message>
            <source>The residual Add needs the output width to equal the query width (%1). Received: %2</source>
            <translation>L'Add résiduel exige que la largeur de sortie égale celle de la requête (%1). Reçu : %2</translation>
        </message>
        <message>
            <source>%1 takes masks [query_mask, value_mask] only; key_mask is a MultiHeadAttention and GroupQueryAttention argument.</source>
            <translation>%1 ne prend que les masques [query_mask, value_mask] ; key_mask est un argument de MultiHeadAttention et GroupQueryAttention.</translation>
        </message>
        <message>
            <source>%1 has no attention_mask argument; use value_mask and use_causal_mask, or MultiHeadAttention.</source>
            <translation>%1 n'a pas d'argument attention_mask ; utilisez value_mask et use_causal_mask, ou MultiHeadAttention.</translation>
        </message>
        <message>
            <source>The attention_mask must have shape (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>L'attention_mask doit avoir la forme (query_len, source_len) = %1, (batch, query_len, source_len) = %2 ou (batch, %3, query_len, source_len) = %4. Reçu : %5</translation>
        </message>
        <message>
            <source>The attention_mask must have rank 2, 3 or 4: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>L'attention_mask doit être de rang 2, 3 ou 4 : (query_len, source_len) = %1, (batch, query_len, source_len) = %2 ou (batch, %3, query_len, source_len) = %4. Reçu : %5</translation>
        </message>
        <message>
            <source>The attention_mask's head axis must be %1 (%2) or 1: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 or (batch, %5, query_len, source_len) = %6. Received: %7</source>
            <translation>L'axe des têtes de l'attention_mask doit valoir %1 (%2) ou 1 : (query_len, source_len) = %3, (batch, query_len, source_len) = %4 ou (batch, %5, query_len, source_len) = %6. Reçu : %7</translation>
        </message>
        <message>
            <source>This layer's trace would need about %1 of memory, more than the limit of %2. Use smaller sizes (or raise --max-memory).</source>
            <translation>La trace de cette couche demanderait environ %1 de mémoire, plus que la limite de %2. Choisissez des tailles plus petites (ou augmentez --max-memory).</translation>
        </message>
        <message>
            <source>The weights file has no '%1', which %2 owns with these settings (shape %3).</source>
            <translation>Le fichier de poids n'a pas de '%1', que %2 possède avec ces réglages (forme %3).</translation>
        </message>
        <message>
            <source>Nothing is initialised when a weights file is given.</source>
            <translation>Rien n'est initialisé quand un fichier de poids est donné.</translation>
        </message>
        <message>
            <source>Unexpected weight '%1' in the weights for %2 with these settings.</source>
            <translation>Poids inattendu '%1' dans les poids de %2 avec ces réglages.</translation>
        </message>
        <message>
            <source>Expected: %1.</source>
            <translation>Attendu : %1.</translation>
        </message>
        <message>
            <source>no weights</source>
            <translation>aucun poids</translation>
        </message>
        <message>
            <source>Weight '%1' must have shape %2. Received: %3</source>
            <translation>Le poids '%1' doit avoir la forme %2. Reçu : %3</translation>
        </message>
        <message>
            <source>Query input</source>
            <translation>Entrée requête</translation>
        </message>
        <message>
            <source>Key input</source>
            <translation>Entrée clé</translation>
        </message>
        <message>
            <source>Value input</source>
            <translation>Entrée valeur</translation>
        </message>
        <message>
            <source>Project queries</source>
            <translation>Projeter les requêtes</translation>
        </message>
        <message>
            <source>Project keys</source>
            <translation>Projeter les clés</translation>
        </message>
        <message>
            <source>Project values</source>
            <translation>Projeter les valeurs</translation>
        </message>
        <message>
            <source>Scale queries</source>
            <translation>Mettre les requêtes à l'échelle</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>Scores</translation>
        </message>
        <message>
            <source>Mask scores</source>
            <translation>Masquer les scores</translation>
        </message>
        <message>
            <source>Softmax weights</source>
            <translation>Poids softmax</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>Weighted sum of values</source>
            <translation>Somme pondérée des valeurs</translation>
        </message>
        <message>
            <source>Concatenate heads</source>
            <translation>Concaténer les têtes</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>Sortie</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>Résiduelle (Add)</translation>
        </message>
        <message>
            <source>Layer normalization</source>
            <translation>Normalisation de couche</translation>
        </message>
        <message>
            <source>Project the query</source>
            <translation>Projeter la requête</translation>
        </message>
        <message>
            <source>Project the key</source>
            <translation>Projeter la clé</translation>
        </message>
        <message>
            <source>Project the value</source>
            <translation>Projeter la valeur</translation>
        </message>
        <message>
            <source>query</source>
            <translation>requête</translation>
        </message>
        <message>
            <source>key</source>
            <translation>clé</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valeur</translation>
        </message>
        <message>
            <source>Repeat the %1 heads</source>
            <translation>Répéter les têtes de %1</translation>
        </message>
        <message>
            <source>Scale the query by 1/√%1</source>
            <translation>Mettre la requête à l'échelle par 1/√%1</translation>
        </message>
        <message>
            <source>Not Keras: the query left unscaled (no 1/√%1)</source>
            <translation>Pas Keras : la requête n'est pas mise à l'échelle (pas de 1/√%1)</translation>
        </message>
        <message>
            <source>Dot-product scores</source>
            <translation>Scores par produit scalaire</translation>
        </message>
        <message>
            <source>Dot products</source>
            <translation>Produits scalaires</translation>
        </message>
        <message>
            <source>Scale the scores</source>
            <translation>Mettre les scores à l'échelle</translation>
        </message>
        <message>
            <source>Concat scores: Σ tanh(q + k)</source>
            <translation>Scores concat : Σ tanh(q + k)</translation>
        </message>
        <message>
            <source>Additive scores: Σ scale·tanh(q + k)</source>
            <translation>Scores additifs : Σ scale·tanh(q + k)</translation>
        </message>
        <message>
            <source>Mask part: padding</source>
            <translation>Partie du masque : remplissage</translation>
        </message>
        <message>
            <source>Mask part: causal</source>
            <translation>Partie du masque : causal</translation>
        </message>
        <message>
            <source>Mask part: sliding window</source>
            <translation>Partie du masque : fenêtre glissante</translation>
        </message>
        <message>
            <source>Mask part: attention_mask</source>
            <translation>Partie du masque : attention_mask</translation>
        </message>
        <message>
            <source>The attention mask</source>
            <translation>Le masque d'attention</translation>
        </message>
        <message>
            <source>The score mask</source>
            <translation>Le masque des scores</translation>
        </message>
        <message>
            <source>The query mask</source>
            <translation>Le masque de requête</translation>
        </message>
        <message>
            <source>Apply the mask</source>
            <translation>Appliquer le masque</translation>
        </message>
        <message>
            <source>Softmax: attention weights</source>
            <translation>Softmax : poids d'attention</translation>
        </message>
        <message>
            <source>Dropout on the weights</source>
            <translation>Dropout sur les poids</translation>
        </message>
        <message>
            <source>The gate</source>
            <translation>La porte</translation>
        </message>
        <message>
            <source>Gate the context</source>
            <translation>Appliquer la porte au contexte</translation>
        </message>
        <message>
            <source>Concatenate the heads</source>
            <translation>Concaténer les têtes</translation>
        </message>
        <message>
            <source>Output projection</source>
            <translation>Projection de sortie</translation>
        </message>
        <message>
            <source>Residual connection (Add)</source>
            <translation>Connexion résiduelle (Add)</translation>
        </message>
        <message>
            <source>Zero the masked query rows</source>
            <translation>Mettre à zéro les lignes de requête masquées</translation>
        </message>
        <message>
            <source>The sequence that asks: one row of features per query position.</source>
            <translation>La séquence qui interroge : une ligne de caractéristiques par position de requête.</translation>
        </message>
        <message>
            <source>Each query position will produce one output row.</source>
            <translation>Chaque position de requête produira une ligne de sortie.</translation>
        </message>
        <message>
            <source>The sequence that is searched: its projected rows are compared with every query.</source>
            <translation>La séquence dans laquelle on cherche : ses lignes projetées sont comparées à chaque requête.</translation>
        </message>
        <message>
            <source>The sequence whose (projected) rows are mixed into the output.</source>
            <translation>La séquence dont les lignes (projetées) sont mélangées dans la sortie.</translation>
        </message>
        <message>
            <source>No key was given, so Keras uses the value as the key too (key := value).</source>
            <translation>Aucune clé n'a été donnée, Keras utilise donc aussi la valeur comme clé (key := value).</translation>
        </message>
        <message>
            <source>The sequence that is attended to.</source>
            <translation>La séquence à laquelle on porte attention.</translation>
        </message>
        <message>
            <source>The sequence that asks.</source>
            <translation>La séquence qui interroge.</translation>
        </message>
        <message>
            <source>These layers have no projections: the query is compared with the keys exactly as given, so query and key need the same width.</source>
            <translation>Ces couches n'ont pas de projections : la requête est comparée aux clés telles quelles, donc requête et clé doivent avoir la même largeur.</translation>
        </message>
        <message>
            <source>The sequence compared with every query.</source>
            <translation>La séquence comparée à chaque requête.</translation>
        </message>
        <message>
            <source>The rows that are mixed into the output.</source>
            <translation>Les lignes qui sont mélangées dans la sortie.</translation>
        </message>
        <message>
            <source>No key was given, so the value is also the key (key := value).</source>
            <translation>Aucune clé n'a été donnée, la valeur sert donc aussi de clé (key := value).</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to N heads of key_dim numbers each.</source>
            <translation>Une couche EinsumDense transforme chaque vecteur requête en N têtes de key_dim nombres chacune.</translation>
        </message>
        <message>
            <source>Each head gets its own slice of the kernel, so the heads can learn to look for different things.</source>
            <translation>Chaque tête reçoit sa propre tranche du noyau, si bien que les têtes peuvent apprendre à chercher des choses différentes.</translation>
        </message>
        <message>
            <source>The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, in the same space as the projected queries so they can be compared.</source>
            <translation>Le même type de projection pour les clés : chaque position source devient N têtes de key_dim nombres, dans le même espace que les requêtes projetées pour qu'on puisse les comparer.</translation>
        </message>
        <message>
            <source>The values are projected to N heads of value_dim numbers.</source>
            <translation>Les valeurs sont projetées en N têtes de value_dim nombres.</translation>
        </message>
        <message>
            <source>These are what gets mixed: attention decides how much of each source position's value flows to each query.</source>
            <translation>C'est ce qui est mélangé : l'attention décide quelle part de la valeur de chaque position source va à chaque requête.</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to %1 query heads of head_dim = %2 numbers each; each head has its own slice of the kernel.</source>
            <translation>Une couche EinsumDense transforme chaque vecteur requête en %1 têtes de requête de head_dim = %2 nombres chacune ; chaque tête a sa propre tranche du noyau.</translation>
        </message>
        <message>
            <source>The keys get only num_key_value_heads = %1 heads (not %2): that is the point of grouped-query attention.</source>
            <translation>Les clés n'ont que num_key_value_heads = %1 têtes (et non %2) : c'est tout l'intérêt de l'attention à requêtes groupées.</translation>
        </message>
        <message>
            <source>Fewer key heads mean a smaller kernel and a smaller key cache when generating text.</source>
            <translation>Moins de têtes de clé, c'est un noyau plus petit et un cache de clés plus petit pendant la génération de texte.</translation>
        </message>
        <message>
            <source>The values, like the keys, get %1 heads of head_dim numbers.</source>
            <translation>Les valeurs, comme les clés, ont %1 têtes de head_dim nombres.</translation>
        </message>
        <message>
            <source>Each one will be shared by a group of %1 query heads.</source>
            <translation>Chacune sera partagée par un groupe de %1 têtes de requête.</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis, so there is one per query head: query head n reads %4 head n // %5 (heads 0..%6 read head 0, and so on).</source>
            <translation>ops.repeat copie chacune des %1 têtes de %2 %3 fois le long de l'axe des têtes, pour en avoir une par tête de requête : la tête de requête n lit la tête de %4 n // %5 (les têtes 0..%6 lisent la tête 0, et ainsi de suite).</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share one key and one value head); in between, each group of query heads shares one.</source>
            <translation>num_key_value_heads = num_query_heads est l'attention multi-tête ordinaire (chaque tête de requête a sa propre tête de clé et de valeur) ; num_key_value_heads = 1 est l'attention multi-requête (MQA : toutes les têtes de requête partagent une tête de clé et une tête de valeur) ; entre les deux, chaque groupe de têtes de requête en partage une.</translation>
        </message>
        <message>
            <source>Here Nkv = Nq = %1: multi-head attention.</source>
            <translation>Ici Nkv = Nq = %1 : attention multi-tête.</translation>
        </message>
        <message>
            <source>Here Nkv = 1: multi-query attention.</source>
            <translation>Ici Nkv = 1 : attention multi-requête.</translation>
        </message>
        <message>
            <source>Here %1 query heads form %2 groups of %3.</source>
            <translation>Ici %1 têtes de requête forment %2 groupes de %3.</translation>
        </message>
        <message>
            <source>Here the key and value projections have %1 parameters instead of %2 for %3 key/value heads, and a KV cache holds %4 numbers per token instead of %5 (%6 KiB instead of %7 KiB in float32, per token and layer): %8 % less.</source>
            <translation>Ici les projections de clé et de valeur ont %1 paramètres au lieu de %2 pour %3 têtes clé/valeur, et un cache KV contient %4 nombres par jeton au lieu de %5 (%6 Kio au lieu de %7 Kio en float32, par jeton et par couche) : %8 % de moins.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√key_dim before the dot product, so that scores do not grow with key_dim and the softmax does not saturate.</source>
            <translation>Keras multiplie la requête projetée par 1/√key_dim avant le produit scalaire, pour que les scores ne croissent pas avec key_dim et que le softmax ne sature pas.</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√head_dim before the dot product, so that scores do not grow with head_dim and the softmax does not saturate.</source>
            <translation>Keras multiplie la requête projetée par 1/√head_dim avant le produit scalaire, pour que les scores ne croissent pas avec head_dim et que le softmax ne sature pas.</translation>
        </message>
        <message>
            <source>Note: it is key_dim, not the query width divided by the number of heads.</source>
            <translation>Attention : c'est key_dim, et non la largeur de la requête divisée par le nombre de têtes.</translation>
        </message>
        <message>
            <source>NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected query by 1/√%1 = %2 here; this trace multiplies by 1, so the scores are the raw q·k, they grow like √%3 and the softmax saturates.</source>
            <translation>PAS KERAS — un « et si » du labo 1/√dₖ : Keras multiplie ici la requête projetée par 1/√%1 = %2 ; cette trace multiplie par 1, les scores sont donc le q·k brut, ils croissent comme √%3 et le softmax sature.</translation>
        </message>
        <message>
            <source>For every head, each scaled query is compared with every key by a dot product.</source>
            <translation>Dans chaque tête, chaque requête mise à l'échelle est comparée à chaque clé par un produit scalaire.</translation>
        </message>
        <message>
            <source>A large score means 'this source position matches what this query looks for'.</source>
            <translation>Un score élevé signifie « cette position source correspond à ce que cherche cette requête ».</translation>
        </message>
        <message>
            <source>These are raw logits, before any mask.</source>
            <translation>Ce sont des logits bruts, avant tout masque.</translation>
        </message>
        <message>
            <source>Query heads of the same group compare against the same (repeated) key head.</source>
            <translation>Les têtes de requête d'un même groupe se comparent à la même tête de clé (répétée).</translation>
        </message>
        <message>
            <source>Each query is compared with every key by a plain dot product.</source>
            <translation>Chaque requête est comparée à chaque clé par un simple produit scalaire.</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention there is no 1/√d factor and no projection.</source>
            <translation>Contrairement à MultiHeadAttention, il n'y a ni facteur 1/√d ni projection.</translation>
        </message>
        <message>
            <source>A large score means this key matches this query.</source>
            <translation>Un score élevé signifie que cette clé correspond à cette requête.</translation>
        </message>
        <message>
            <source>With use_scale=True, Attention learns one scalar that multiplies every score (initialised to 1).</source>
            <translation>Avec use_scale=True, Attention apprend un scalaire qui multiplie chaque score (initialisé à 1).</translation>
        </message>
        <message>
            <source>It plays the role of a learned temperature.</source>
            <translation>Il joue le rôle d'une température apprise.</translation>
        </message>
        <message>
            <source>score_mode="concat": each query is added to each key feature by feature, squashed by tanh and summed, then multiplied by one learned scalar (concat_score_weight).</source>
            <translation>score_mode="concat" : chaque requête est ajoutée à chaque clé caractéristique par caractéristique, écrasée par tanh et sommée, puis multipliée par un scalaire appris (concat_score_weight).</translation>
        </message>
        <message>
            <source>The scalar scale multiplies q + k inside the tanh.</source>
            <translation>Le scalaire scale multiplie q + k à l'intérieur du tanh.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features.</source>
            <translation>À la Bahdanau : chaque requête est ajoutée à chaque clé caractéristique par caractéristique et écrasée par tanh, puis sommée sur les caractéristiques.</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features, each feature weighted by the learned vector scale (outside the tanh).</source>
            <translation>À la Bahdanau : chaque requête est ajoutée à chaque clé caractéristique par caractéristique et écrasée par tanh, puis sommée sur les caractéristiques, chacune pondérée par le vecteur appris scale (hors du tanh).</translation>
        </message>
        <message>
            <source>Keras adds the inputs directly: there are no W₁q + W₂k projections as in the paper.</source>
            <translation>Keras additionne directement les entrées : il n'y a pas de projections W₁q + W₂k comme dans l'article.</translation>
        </message>
        <message>
            <source>The padding masks (%1), broadcast to one boolean per (query, source) pair: 0 where a query row or a source column is padding.</source>
            <translation>Les masques de remplissage (%1), diffusés en un booléen par paire (requête, source) : 0 là où une ligne de requête ou une colonne source est du remplissage.</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask)</source>
            <translation>query_mask (le masque Keras de la requête)</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask) &amp; %1</source>
            <translation>query_mask (le masque Keras de la requête) &amp; %1</translation>
        </message>
        <message>
            <source>use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left corner, also when query and source lengths differ).</source>
            <translation>use_causal_mask=True : la requête t ne peut voir que les positions source s ≤ t (comptées depuis le coin supérieur gauche, même quand les longueurs de requête et de source diffèrent).</translation>
        </message>
        <message>
            <source>sliding_window=%1 keeps the band |t − s| &lt; %2: each query sees at most %3 positions on either side of its own.</source>
            <translation>sliding_window=%1 garde la bande |t − s| &lt; %2 : chaque requête voit au plus %3 positions de part et d'autre de la sienne.</translation>
        </message>
        <message>
            <source>AND-ed with the causal mask it is the causal band Mistral uses: each position sees itself and the %1 before it.</source>
            <translation>Combinée par ET avec le masque causal, c'est la bande causale qu'utilise Mistral : chaque position se voit elle-même et les %1 précédentes.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), one mask per head.</source>
            <translation>L'attention_mask que vous avez donné, converti en booléen (non nul vaut True), un masque par tête.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every batch row and head.</source>
            <translation>L'attention_mask que vous avez donné, converti en booléen (non nul vaut True), le même pour chaque ligne du lot et chaque tête.</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every head.</source>
            <translation>L'attention_mask que vous avez donné, converti en booléen (non nul vaut True), le même pour chaque tête.</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, one per head (the attention_mask has a head axis); 1 means 'may attend'.</source>
            <translation>Keras combine toutes les sources de masque par ET en un booléen par paire (requête, source), un par tête (l'attention_mask a un axe des têtes) ; 1 signifie « peut porter attention ».</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, shared by all heads; 1 means 'may attend'.</source>
            <translation>Keras combine toutes les sources de masque par ET en un booléen par paire (requête, source), partagé par toutes les têtes ; 1 signifie « peut porter attention ».</translation>
        </message>
        <message>
            <source>Sources here: %1.</source>
            <translation>Sources ici : %1.</translation>
        </message>
        <message>
            <source>Each source is also a step of its own, so you can see which one removed a cell.</source>
            <translation>Chaque source est aussi une étape à part entière, pour voir laquelle a retiré une cellule.</translation>
        </message>
        <message>
            <source>A query-mask row that is all 0 becomes a fully masked row.</source>
            <translation>Une ligne du masque de requête entièrement à 0 devient une ligne entièrement masquée.</translation>
        </message>
        <message>
            <source>The attention_mask is the only source, so GroupQueryAttention hands it to Softmax as it is, and Softmax keeps the values &gt; 0.5.</source>
            <translation>L'attention_mask est la seule source, GroupQueryAttention la passe donc telle quelle à Softmax, et Softmax garde les valeurs &gt; 0.5.</translation>
        </message>
        <message>
            <source>1 means 'this query may attend to this key'.</source>
            <translation>1 signifie « cette requête peut porter attention à cette clé ».</translation>
        </message>
        <message>
            <source>Built from %1.</source>
            <translation>Construit à partir de %1.</translation>
        </message>
        <message>
            <source>the causal mask (row ≥ column)</source>
            <translation>le masque causal (ligne ≥ colonne)</translation>
        </message>
        <message>
            <source>value_mask AND the causal mask (row ≥ column)</source>
            <translation>value_mask ET le masque causal (ligne ≥ colonne)</translation>
        </message>
        <message>
            <source>The query mask is not part of it: Attention uses the query mask only to zero output rows at the end.</source>
            <translation>Le masque de requête n'en fait pas partie : Attention n'utilise le masque de requête que pour mettre à zéro des lignes de sortie à la fin.</translation>
        </message>
        <message>
            <source>1 for real query tokens, 0 for padding.</source>
            <translation>1 pour les vrais jetons de requête, 0 pour le remplissage.</translation>
        </message>
        <message>
            <source>Attention applies it only here, at the end.</source>
            <translation>Attention ne l'applique qu'ici, à la fin.</translation>
        </message>
        <message>
            <source>Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their weight is 0.</source>
            <translation>Les scores où le masque vaut 0 sont remplacés par −10⁹, pour que leur poids soit 0 après le softmax.</translation>
        </message>
        <message>
            <source>Keras replaces the value (it does not subtract), inside its Softmax layer.</source>
            <translation>Keras remplace la valeur (il ne soustrait pas), dans sa couche Softmax.</translation>
        </message>
        <message>
            <source>Keras subtracts 10⁹ from masked scores (it does not replace them).</source>
            <translation>Keras soustrait 10⁹ aux scores masqués (il ne les remplace pas).</translation>
        </message>
        <message>
            <source>In float32 this rounds to −10⁹ for small scores, so a row with every key masked comes out uniform over all keys, masked ones included.</source>
            <translation>En float32, cela s'arrondit à −10⁹ pour les petits scores, si bien qu'une ligne dont toutes les clés sont masquées devient uniforme sur toutes les clés, masquées comprises.</translation>
        </message>
        <message>
            <source>Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how much each source position contributes to this query, per head.</source>
            <translation>Le softmax le long de l'axe source transforme chaque ligne de scores en poids ≥ 0 dont la somme vaut 1 : la contribution de chaque position source à cette requête, par tête.</translation>
        </message>
        <message>
            <source>This is what Keras returns with return_attention_scores=True.</source>
            <translation>C'est ce que Keras renvoie avec return_attention_scores=True.</translation>
        </message>
        <message>
            <source>Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 (Keras ≥ 3.14; the fused path without scores would give a uniform row instead).</source>
            <translation>Les positions masquées sont ensuite mises exactement à 0, une ligne entièrement masquée vaut donc 0 partout (Keras ≥ 3.14 ; le chemin fusionné sans scores donnerait plutôt une ligne uniforme).</translation>
        </message>
        <message>
            <source>Here %1 (head, query) rows are fully masked.</source>
            <translation>Ici %1 lignes (tête, requête) sont entièrement masquées.</translation>
        </message>
        <message>
            <source>Softmax over the keys turns each row of scores into weights ≥ 0 that sum to 1: the share of each value row in this query's output.</source>
            <translation>Le softmax sur les clés transforme chaque ligne de scores en poids ≥ 0 dont la somme vaut 1 : la part de chaque ligne de valeur dans la sortie de cette requête.</translation>
        </message>
        <message>
            <source>In training, each weight is set to 0 with probability %1 and the kept ones are divided by 1 − rate, so each row still sums to 1 on average.</source>
            <translation>À l'entraînement, chaque poids est mis à 0 avec la probabilité %1 et ceux qui restent sont divisés par 1 − rate, si bien que chaque ligne somme encore à 1 en moyenne.</translation>
        </message>
        <message>
            <source>Keras returns the weights from before dropout (with return_attention_scores=True).</source>
            <translation>Keras renvoie les poids d'avant le dropout (avec return_attention_scores=True).</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention, Attention returns these post-dropout weights.</source>
            <translation>Contrairement à MultiHeadAttention, Attention renvoie ces poids après dropout.</translation>
        </message>
        <message>
            <source>Each head mixes the projected values with its weights: a query's context is the weighted average of the value rows it attends to.</source>
            <translation>Chaque tête mélange les valeurs projetées avec ses poids : le contexte d'une requête est la moyenne pondérée des lignes de valeur auxquelles elle porte attention.</translation>
        </message>
        <message>
            <source>One result per head.</source>
            <translation>Un résultat par tête.</translation>
        </message>
        <message>
            <source>Query heads of one group mix the same (repeated) value head, each with its own weights.</source>
            <translation>Les têtes de requête d'un groupe mélangent la même tête de valeur (répétée), chacune avec ses propres poids.</translation>
        </message>
        <message>
            <source>Each output row is the weighted average of the value rows, with this query's weights.</source>
            <translation>Chaque ligne de sortie est la moyenne pondérée des lignes de valeur, avec les poids de cette requête.</translation>
        </message>
        <message>
            <source>Rows of padding queries are multiplied by 0.</source>
            <translation>Les lignes des requêtes de remplissage sont multipliées par 0.</translation>
        </message>
        <message>
            <source>Their weights were computed normally (and Keras returns them unchanged); only the output row is zeroed.</source>
            <translation>Leurs poids ont été calculés normalement (et Keras les renvoie inchangés) ; seule la ligne de sortie est mise à zéro.</translation>
        </message>
        <message>
            <source>use_gate=True adds one more EinsumDense on the query input, with a sigmoid: a number between 0 and 1 for every query, head and channel.</source>
            <translation>use_gate=True ajoute une EinsumDense de plus sur l'entrée requête, avec une sigmoïde : un nombre entre 0 et 1 pour chaque requête, tête et canal.</translation>
        </message>
        <message>
            <source>It decides how much of each head's context passes on (Qiu et al., 2025, "Gated Attention for Large Language Models": a head can output almost nothing when it has nothing to add, instead of dumping its weight on one 'attention sink' token).</source>
            <translation>Elle décide quelle part du contexte de chaque tête passe (Qiu et al., 2025, « Gated Attention for Large Language Models » : une tête peut ne presque rien produire quand elle n'a rien à ajouter, au lieu de déverser son poids sur un jeton « puits d'attention »).</translation>
        </message>
        <message>
            <source>Each head's context is multiplied element by element by its gate: where the gate is near 0 that channel is silenced, near 1 it passes unchanged.</source>
            <translation>Le contexte de chaque tête est multiplié élément par élément par sa porte : là où la porte est proche de 0, le canal est réduit au silence ; proche de 1, il passe inchangé.</translation>
        </message>
        <message>
            <source>The output projection reads this instead of the context.</source>
            <translation>La projection de sortie lit ceci à la place du contexte.</translation>
        </message>
        <message>
            <source>The paper writes Concat(head₁, …, head_N): the heads side by side, N·%1 numbers per query.</source>
            <translation>L'article écrit Concat(head₁, …, head_N) : les têtes côte à côte, N·%1 nombres par requête.</translation>
        </message>
        <message>
            <source>Keras never builds this tensor; its output EinsumDense contracts the head and %1 axes at once, which is the same computation.</source>
            <translation>Keras ne construit jamais ce tenseur ; son EinsumDense de sortie contracte d'un coup les axes head et %1, ce qui est le même calcul.</translation>
        </message>
        <message>
            <source>The output EinsumDense mixes all heads back into one vector per query, of the output width (%1).</source>
            <translation>L'EinsumDense de sortie remélange toutes les têtes en un vecteur par requête, de la largeur de sortie (%1).</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is just the bias b_o.</source>
            <translation>Une ligne de requête entièrement masquée a un contexte nul, sa sortie n'est donc que le biais b_o.</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is 0.</source>
            <translation>Une ligne de requête entièrement masquée a un contexte nul, sa sortie vaut donc 0.</translation>
        </message>
        <message>
            <source>The Transformer adds the layer's input back to its output, so the attention layer only has to learn a correction and gradients flow straight through.</source>
            <translation>Le Transformer rajoute l'entrée de la couche à sa sortie, si bien que la couche d'attention n'a qu'une correction à apprendre et que les gradients passent directement.</translation>
        </message>
        <message>
            <source>Each position's vector is shifted to mean 0 and scaled to variance 1 over its features (ε = 0.001), then scaled by γ and shifted by β.</source>
            <translation>Le vecteur de chaque position est recentré à une moyenne 0 et ramené à une variance 1 sur ses caractéristiques (ε = 0.001), puis multiplié par γ et décalé de β.</translation>
        </message>
        <message>
            <source>It keeps the numbers in a stable range from layer to layer.</source>
            <translation>Cela garde les nombres dans une plage stable d'une couche à l'autre.</translation>
        </message>
        <message>
            <source>query width = key width = d</source>
            <translation>largeur de requête = largeur de clé = d</translation>
        </message>
        <message>
            <source>query width = key width</source>
            <translation>largeur de requête = largeur de clé</translation>
        </message>
        <message>
            <source>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ Attention(use_scale=True) with scale = 1/√d</source>
            <translation>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, projections identité) ≡ Attention(use_scale=True) avec scale = 1/√d</translation>
        </message>
        <message>
            <source>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</source>
            <translation>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True) as Keras builds it ≡ Attention()</source>
            <translation>Attention(use_scale=True) tel que Keras le construit ≡ Attention()</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</source>
            <translation>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads=1), multi-query ≡ MultiHeadAttention whose heads share one key and value projection</source>
            <translation>GroupQueryAttention(num_key_value_heads=1), multi-requête ≡ MultiHeadAttention dont les têtes partagent une projection de clé et de valeur</translation>
        </message>
        <message>
            <source>one head: num_heads=1</source>
            <translation>une tête : num_heads=1</translation>
        </message>
        <message>
            <source>num_heads=2, both heads the same: the output is their sum</source>
            <translation>num_heads=2, les deux têtes identiques : la sortie est leur somme</translation>
        </message>
        <message>
            <source>key_dim = the query width, value_dim = the value width</source>
            <translation>key_dim = la largeur de la requête, value_dim = la largeur de la valeur</translation>
        </message>
        <message>
            <source>key_dim and value_dim halved: the projections keep only the first half of the features</source>
            <translation>key_dim et value_dim divisés par deux : les projections ne gardent que la première moitié des caractéristiques</translation>
        </message>
        <message>
            <source>identity query/key/value kernels (EinsumDense)</source>
            <translation>noyaux requête/clé/valeur identité (EinsumDense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernels from the seed</source>
            <translation>noyaux glorot_uniform de Keras depuis la graine</translation>
        </message>
        <message>
            <source>identity output kernel (output_dense)</source>
            <translation>noyau de sortie identité (output_dense)</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernel from the seed</source>
            <translation>noyau glorot_uniform de Keras depuis la graine</translation>
        </message>
        <message>
            <source>no bias: use_bias=False</source>
            <translation>pas de biais : use_bias=False</translation>
        </message>
        <message>
            <source>use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, which would change nothing)</source>
            <translation>use_bias=True avec des biais d'allure entraînée N(0, 0.5²) (Keras initialise les biais à 0, ce qui ne changerait rien)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), scale = 1/√key_dim (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), scale = 1/√key_dim (Keras l'initialise à 1)</translation>
        </message>
        <message>
            <source>Attention(use_scale=False): Luong's dot product, no 1/√dₖ</source>
            <translation>Attention(use_scale=False) : le produit scalaire de Luong, sans 1/√dₖ</translation>
        </message>
        <message>
            <source>use_scale=False on both layers</source>
            <translation>use_scale=False sur les deux couches</translation>
        </message>
        <message>
            <source>use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, AdditiveAttention's glorot vector outside it</source>
            <translation>use_scale=True sur les deux, valeurs initiales de Keras : le scalaire 1 d'Attention dans le tanh, le vecteur glorot d'AdditiveAttention hors du tanh</translation>
        </message>
        <message>
            <source>concat_score_weight = 1 (Keras' initial value)</source>
            <translation>concat_score_weight = 1 (valeur initiale de Keras)</translation>
        </message>
        <message>
            <source>concat_score_weight = 2, as after training</source>
            <translation>concat_score_weight = 2, comme après entraînement</translation>
        </message>
        <message>
            <source>scale = 1, its Keras initial value (only training changes it)</source>
            <translation>scale = 1, sa valeur initiale dans Keras (seul l'entraînement la change)</translation>
        </message>
        <message>
            <source>scale = 2, as after training</source>
            <translation>scale = 2, comme après entraînement</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads</source>
            <translation>num_key_value_heads = num_query_heads</translation>
        </message>
        <message>
            <source>num_key_value_heads = 1 (multi-query): every query head reads head 0's keys and values</source>
            <translation>num_key_value_heads = 1 (multi-requête) : chaque tête de requête lit les clés et valeurs de la tête 0</translation>
        </message>
        <message>
            <source>the same kernels and biases in both layers</source>
            <translation>les mêmes noyaux et biais dans les deux couches</translation>
        </message>
        <message>
            <source>GroupQueryAttention initialised from its own seed (seed + 1)</source>
            <translation>GroupQueryAttention initialisée depuis sa propre graine (seed + 1)</translation>
        </message>
        <message>
            <source>MultiHeadAttention's key/value kernels and biases are head 0's in every head</source>
            <translation>les noyaux et biais clé/valeur de MultiHeadAttention sont ceux de la tête 0 dans chaque tête</translation>
        </message>
        <message>
            <source>MultiHeadAttention keeps its own key/value kernels per head</source>
            <translation>MultiHeadAttention garde ses propres noyaux clé/valeur par tête</translation>
        </message>
        <message>
            <source>the same query, output and head-0 key/value weights in both</source>
            <translation>les mêmes poids de requête, de sortie et de clé/valeur de la tête 0 dans les deux</translation>
        </message>
        <message>
            <source>your layer, %1, is not one of the two sides</source>
            <translation>votre couche, %1, n'est aucun des deux côtés</translation>
        </message>
        <message>
            <source>value_dim = %1, not key_dim = %2 (GroupQueryAttention has one head_dim)</source>
            <translation>value_dim = %1, et non key_dim = %2 (GroupQueryAttention n'a qu'un head_dim)</translation>
        </message>
        <message>
            <source>sliding_window=%1 (Attention has no sliding window)</source>
            <translation>sliding_window=%1 (Attention n'a pas de fenêtre glissante)</translation>
        </message>
        <message>
            <source>use_gate=True (Attention has no gate)</source>
            <translation>use_gate=True (Attention n'a pas de porte)</translation>
        </message>
        <message>
            <source>the Transformer sub-layer (Add &amp; LayerNormalization) is on</source>
            <translation>la sous-couche Transformer (Add &amp; LayerNormalization) est activée</translation>
        </message>
        <message>
            <source>a key_mask or attention_mask (Attention takes neither)</source>
            <translation>un key_mask ou un attention_mask (Attention ne prend ni l'un ni l'autre)</translation>
        </message>
        <message>
            <source>num_heads = %1, not 1</source>
            <translation>num_heads = %1, et non 1</translation>
        </message>
        <message>
            <source>key_dim = %1, not the query width %2</source>
            <translation>key_dim = %1, et non la largeur de requête %2</translation>
        </message>
        <message>
            <source>value_dim = %1, not the value width %2</source>
            <translation>value_dim = %1, et non la largeur de valeur %2</translation>
        </message>
        <message>
            <source>the output width is %1, Attention's is the value width %2</source>
            <translation>la largeur de sortie est %1, celle d'Attention est la largeur de valeur %2</translation>
        </message>
        <message>
            <source>the query/key/value kernels are not identity matrices</source>
            <translation>les noyaux requête/clé/valeur ne sont pas des matrices identité</translation>
        </message>
        <message>
            <source>the output kernel is not an identity matrix</source>
            <translation>le noyau de sortie n'est pas une matrice identité</translation>
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
            <translation>use_scale=False : pas de scale, l'identité demande 1/√%1 = %2</translation>
        </message>
        <message>
            <source>scale = %1 (Keras' start), not 1/√%2 = %3</source>
            <translation>scale = %1 (valeur de départ de Keras), et non 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1/√%2 = %3</source>
            <translation>scale = %1, et non 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1</source>
            <translation>scale = %1, et non 1</translation>
        </message>
        <message>
            <source>concat_score_weight = %1, not 1</source>
            <translation>concat_score_weight = %1, et non 1</translation>
        </message>
        <message>
            <source>use_scale=True (AdditiveAttention's default)</source>
            <translation>use_scale=True (valeur par défaut d'AdditiveAttention)</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not num_query_heads = %2</source>
            <translation>num_key_value_heads = %1, et non num_query_heads = %2</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not 1</source>
            <translation>num_key_value_heads = %1, et non 1</translation>
        </message>
        <message>
            <source>each of the %1 heads has its own key/value kernels</source>
            <translation>chacune des %1 têtes a ses propres noyaux clé/valeur</translation>
        </message>
        <message>
            <source>not met: the query has %1 features, the key %2</source>
            <translation>non remplie : la requête a %1 caractéristiques, la clé %2</translation>
        </message>
        <message>
            <source>the query has %1 features, the key %2</source>
            <translation>la requête a %1 caractéristiques, la clé %2</translation>
        </message>
        <message>
            <source>weights and output, both sides built with every condition on these inputs</source>
            <translation>poids et sortie, les deux côtés construits avec toutes les conditions sur ces entrées</translation>
        </message>
        <message>
            <source>fully masked rows left out: %1 (the layers differ there by design)</source>
            <translation>lignes entièrement masquées laissées de côté : %1 (les couches y diffèrent par conception)</translation>
        </message>
        <message>
            <source>Here the query has %1 features and the key %2.</source>
            <translation>Ici la requête a %1 caractéristiques et la clé %2.</translation>
        </message>
        <message>
            <source>Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same width.</source>
            <translation>Attention et AdditiveAttention additionnent ou multiplient requête et clé caractéristique par caractéristique, elles doivent donc avoir la même largeur.</translation>
        </message>
        <message>
            <source>MultiHeadAttention projects both to key_dim, so it has no such limit.</source>
            <translation>MultiHeadAttention projette les deux sur key_dim, elle n'a donc pas cette limite.</translation>
        </message>
        <message>
            <source>GroupQueryAttention has one head_dim for queries, keys and values; this MultiHeadAttention has key_dim=%1 and value_dim=%2.</source>
            <translation>GroupQueryAttention a un seul head_dim pour les requêtes, les clés et les valeurs ; cette MultiHeadAttention a key_dim=%1 et value_dim=%2.</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), what-if: scale set to 1/√%1 (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True), et si : scale fixé à 1/√%1 (Keras l'initialise à 1)</translation>
        </message>
        <message>
            <source>Gradient of %1</source>
            <translation>Gradient de %1</translation>
        </message>
        <message>
            <source>Backward through the layer norm</source>
            <translation>Passe arrière à travers la normalisation de couche</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the output</source>
            <translation>Gradient de la perte par rapport à la sortie</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the layer norm</source>
            <translation>Gradient de la perte par rapport à la normalisation de couche</translation>
        </message>
        <message>
            <source>Gradient of the attention output</source>
            <translation>Gradient de la sortie de l'attention</translation>
        </message>
        <message>
            <source>Gradient of the context</source>
            <translation>Gradient du contexte</translation>
        </message>
        <message>
            <source>Gradient of the gated context</source>
            <translation>Gradient du contexte après la porte</translation>
        </message>
        <message>
            <source>Gradient of the gate</source>
            <translation>Gradient de la porte</translation>
        </message>
        <message>
            <source>Gradient of the dropped-out weights</source>
            <translation>Gradient des poids après dropout</translation>
        </message>
        <message>
            <source>Gradient of the key input</source>
            <translation>Gradient de l'entrée clé</translation>
        </message>
        <message>
            <source>Gradient of the query input</source>
            <translation>Gradient de l'entrée requête</translation>
        </message>
        <message>
            <source>Gradient of the value input</source>
            <translation>Gradient de l'entrée valeur</translation>
        </message>
        <message>
            <source>Gradient of the projected keys</source>
            <translation>Gradient des clés projetées</translation>
        </message>
        <message>
            <source>Gradient of the projected keys (groups summed)</source>
            <translation>Gradient des clés projetées (groupes sommés)</translation>
        </message>
        <message>
            <source>Gradient of the projected query</source>
            <translation>Gradient de la requête projetée</translation>
        </message>
        <message>
            <source>Gradient of the projected values</source>
            <translation>Gradient des valeurs projetées</translation>
        </message>
        <message>
            <source>Gradient of the projected values (groups summed)</source>
            <translation>Gradient des valeurs projetées (groupes sommés)</translation>
        </message>
        <message>
            <source>Gradient of the repeated keys</source>
            <translation>Gradient des clés répétées</translation>
        </message>
        <message>
            <source>Gradient of the repeated values</source>
            <translation>Gradient des valeurs répétées</translation>
        </message>
        <message>
            <source>Gradient of the scaled query</source>
            <translation>Gradient de la requête mise à l'échelle</translation>
        </message>
        <message>
            <source>Gradient of the scores (softmax backward)</source>
            <translation>Gradient des scores (passe arrière du softmax)</translation>
        </message>
        <message>
            <source>Gradient of the weighted sum (query mask applied)</source>
            <translation>Gradient de la somme pondérée (masque de requête appliqué)</translation>
        </message>
        <message>
            <source>Gradient of the weights</source>
            <translation>Gradient des poids</translation>
        </message>
        <message>
            <source>Gradient of the weights (through dropout)</source>
            <translation>Gradient des poids (à travers le dropout)</translation>
        </message>
        <message>
            <source>Gradient of the dot products</source>
            <translation>Gradient des produits scalaires</translation>
        </message>
        <message>
            <source>Gradient of scale (per feature)</source>
            <translation>Gradient de scale (par caractéristique)</translation>
        </message>
        <message>
            <source>Gradient of β (layer norm shift)</source>
            <translation>Gradient de β (décalage de la normalisation de couche)</translation>
        </message>
        <message>
            <source>Gradient of γ (layer norm scale)</source>
            <translation>Gradient de γ (échelle de la normalisation de couche)</translation>
        </message>
    </context>
    <context>
        <name>HandoutPrinter</name>
        <message>
            <source>No lesson is open.</source>
            <translation>Aucune leçon n'est ouverte.</translation>
        </message>
        <message>
            <source>Worksheet — %1</source>
            <translation>Fiche d'exercices — %1</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>Impossible d'écrire %1.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — diapositive %2 sur %3</translation>
        </message>
        <message>
            <source>Worksheet · %1</source>
            <translation>Fiche d'exercices · %1</translation>
        </message>
        <message>
            <source>Name: ______________________</source>
            <translation>Nom : ______________________</translation>
        </message>
        <message>
            <source>In class this slide shows %1; it is not printed on the worksheet because its numbers would give the answer away.</source>
            <translation>En classe, cette diapositive montre %1 ; elle n'est pas imprimée sur la fiche car ses nombres donneraient la réponse.</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>Question :</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>Votre réponse :</translation>
        </message>
        <message>
            <source>Circle your cell of</source>
            <translation>Entourez votre cellule de</translation>
        </message>
        <message>
            <source>Your working:</source>
            <translation>Votre raisonnement :</translation>
        </message>
        <message>
            <source>Mark the cell you predict:</source>
            <translation>Marquez la cellule que vous prédisez :</translation>
        </message>
        <message>
            <source>Answers — %1</source>
            <translation>Réponses — %1</translation>
        </message>
        <message>
            <source>Computed from the trace of each slide (Keras' numbers, float32).</source>
            <translation>Calculé à partir de la trace de chaque diapositive (les nombres de Keras, float32).</translation>
        </message>
        <message>
            <source>Answer key — %1</source>
            <translation>Corrigé — %1</translation>
        </message>
        <message>
            <source>Planned time: %1 minutes · %2 slides · %3</source>
            <translation>Durée prévue : %1 minutes · %2 diapositives · %3</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 question</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n question</numerusform>
                <numerusform>%n questions</numerusform>
            </translation>
        </message>
        <message>
            <source>Slide</source>
            <translation>Diapositive</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>Titre</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>Minutes</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>Horloge</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>Question</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>oui</translation>
        </message>
        <message>
            <source>Slide %1 · %2</source>
            <translation>Diapositive %1 · %2</translation>
        </message>
        <message>
            <source>%1 min, %2–%3</source>
            <translation>%1 min, %2–%3</translation>
        </message>
        <message>
            <source>no timing given</source>
            <translation>pas de durée indiquée</translation>
        </message>
        <message>
            <source>Presenter notes:</source>
            <translation>Notes de l'enseignant :</translation>
        </message>
        <message>
            <source>Answer:</source>
            <translation>Réponse :</translation>
        </message>
        <message>
            <source>Why:</source>
            <translation>Pourquoi :</translation>
        </message>
        <message>
            <source>the stage</source>
            <translation>la scène</translation>
        </message>
        <message>
            <source>the Compare tab</source>
            <translation>l'onglet Comparer</translation>
        </message>
        <message>
            <source>the 1/√dₖ lab</source>
            <translation>le labo 1/√dₖ</translation>
        </message>
        <message>
            <source>the equivalence lab</source>
            <translation>le labo des équivalences</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Langue</translation>
        </message>
        <message>
            <source>System default (%1)</source>
            <translation>Langue du système (%1)</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>Langue</translation>
        </message>
        <message>
            <source>attnviz will use %1 the next time it starts. (For one run: attnviz --lang CODE.)</source>
            <translation>attnviz utilisera %1 au prochain démarrage. (Pour un seul lancement : attnviz --lang CODE.)</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>Impossible d'écrire %1 : %2</translation>
        </message>
    </context>
    <context>
        <name>ScalingLabView</name>
        <message>
            <source>Spread of the logits q·k (std)</source>
            <translation>Dispersion des logits q·k (écart type)</translation>
        </message>
        <message>
            <source>Largest softmax weight of a row</source>
            <translation>Plus grand poids softmax d'une ligne</translation>
        </message>
        <message>
            <source>Entropy of a row (nats)</source>
            <translation>Entropie d'une ligne (nats)</translation>
        </message>
        <message>
            <source>Largest softmax gradient p(1 − p)</source>
            <translation>Plus grand gradient du softmax p(1 − p)</translation>
        </message>
    </context>
    <context>
        <name>SetupFields</name>
        <message>
            <source>Layer:</source>
            <translation>Couche :</translation>
        </message>
        <message>
            <source>Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads sharing key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau). The form shows only the arguments the chosen layer has.</source>
            <translation>La couche Keras à calculer : MultiHeadAttention, GroupQueryAttention (des têtes de requête qui partagent des têtes clé/valeur), Attention (produit scalaire, Luong) ou AdditiveAttention (Bahdanau). Le formulaire n'affiche que les arguments de la couche choisie.</translation>
        </message>
        <message>
            <source>Heads:</source>
            <translation>Têtes :</translation>
        </message>
        <message>
            <source>Query heads:</source>
            <translation>Têtes de requête :</translation>
        </message>
        <message>
            <source>attnviz draws every head; 64 is the most it lays out</source>
            <translation>attnviz dessine chaque tête ; 64 est le maximum qu'il dispose</translation>
        </message>
        <message>
            <source>How many attention heads run side by side, each with its own projections of the query, key and value.</source>
            <translation>Le nombre de têtes d'attention qui fonctionnent côte à côte, chacune avec ses propres projections de la requête, de la clé et de la valeur.</translation>
        </message>
        <message>
            <source>Key/value heads:</source>
            <translation>Têtes clé/valeur :</translation>
        </message>
        <message>
            <source>Key/value heads shared by groups of query heads; must divide num_query_heads (1: multi-query attention, equal: plain multi-head attention).</source>
            <translation>Têtes clé/valeur partagées par des groupes de têtes de requête ; doit diviser num_query_heads (1 : attention multi-requête, égal : attention multi-tête ordinaire).</translation>
        </message>
        <message>
            <source>key_dim:</source>
            <translation>key_dim :</translation>
        </message>
        <message>
            <source>head_dim:</source>
            <translation>head_dim :</translation>
        </message>
        <message>
            <source>attnviz's limit for a head's width</source>
            <translation>la limite d'attnviz pour la largeur d'une tête</translation>
        </message>
        <message>
            <source>Size of each head's query and key vectors (GroupQueryAttention: of its query, key and value vectors). The scores are divided by √key_dim.</source>
            <translation>La taille des vecteurs requête et clé de chaque tête (GroupQueryAttention : de ses vecteurs requête, clé et valeur). Les scores sont divisés par √key_dim.</translation>
        </message>
        <message>
            <source>value_dim:</source>
            <translation>value_dim :</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>auto</translation>
        </message>
        <message>
            <source>Size of each head's value vectors; auto (None) means key_dim.</source>
            <translation>La taille des vecteurs valeur de chaque tête ; auto (None) signifie key_dim.</translation>
        </message>
        <message>
            <source>Output width:</source>
            <translation>Largeur de sortie :</translation>
        </message>
        <message>
            <source>attnviz's limit for a feature width</source>
            <translation>la limite d'attnviz pour une largeur de caractéristiques</translation>
        </message>
        <message>
            <source>Width of the output; auto (None) means the query's width.</source>
            <translation>La largeur de la sortie ; auto (None) signifie la largeur de la requête.</translation>
        </message>
        <message>
            <source>score_mode:</source>
            <translation>score_mode :</translation>
        </message>
        <message>
            <source>How Attention scores a query against a key: "dot", the dot product (Luong), or "concat", the sum of tanh(query + key) over the features, times concat_score_weight.</source>
            <translation>La façon dont Attention note une requête face à une clé : "dot", le produit scalaire (Luong), ou "concat", la somme de tanh(query + key) sur les caractéristiques, fois concat_score_weight.</translation>
        </message>
        <message>
            <source>sliding_window:</source>
            <translation>sliding_window :</translation>
        </message>
        <message>
            <source>no sequence is longer than 8192 here</source>
            <translation>aucune séquence n'est plus longue que 8192 ici</translation>
        </message>
        <message>
            <source>none</source>
            <translation>aucun</translation>
        </message>
        <message>
            <source>Each query sees the source positions with |t − s| &lt; w; none (None) means all of them. With use_causal_mask it is the causal band.</source>
            <translation>Chaque requête voit les positions source telles que |t − s| &lt; w ; aucun (None) signifie toutes. Avec use_causal_mask, c'est la bande causale.</translation>
        </message>
        <message>
            <source>use_bias</source>
            <translation>use_bias</translation>
        </message>
        <message>
            <source>Add a bias to every projection (query, key, value, output and gate).</source>
            <translation>Ajouter un biais à chaque projection (requête, clé, valeur, sortie et porte).</translation>
        </message>
        <message>
            <source>use_gate</source>
            <translation>use_gate</translation>
        </message>
        <message>
            <source>Gated attention: a sigmoid gate computed from the query scales each head's context before the output projection.</source>
            <translation>Attention à porte : une porte sigmoïde calculée à partir de la requête met à l'échelle le contexte de chaque tête avant la projection de sortie.</translation>
        </message>
        <message>
            <source>use_scale</source>
            <translation>use_scale</translation>
        </message>
        <message>
            <source>Learn a scale for the scores: Attention a scalar (initially 1), AdditiveAttention a vector over the features (its default is True).</source>
            <translation>Apprendre une échelle pour les scores : Attention un scalaire (1 au départ), AdditiveAttention un vecteur sur les caractéristiques (sa valeur par défaut est True).</translation>
        </message>
        <message>
            <source>Transformer sub-layer</source>
            <translation>Sous-couche Transformer</translation>
        </message>
        <message>
            <source>Not an argument of the layer: follow it with keras.layers.Add (the residual) and LayerNormalization (Add &amp; Norm), as in the Transformer's encoder.</source>
            <translation>Pas un argument de la couche : la faire suivre de keras.layers.Add (la connexion résiduelle) et de LayerNormalization (Add &amp; Norm), comme dans l'encodeur du Transformer.</translation>
        </message>
        <message>
            <source>every (query × source) matrix of every head is kept, one takes 256 MiB at 8192², and the memory budget (--max-memory) refuses larger traces</source>
            <translation>chaque matrice (requête × source) de chaque tête est conservée, une seule occupe 256 Mio à 8192², et le budget mémoire (--max-memory) refuse les traces plus grandes</translation>
        </message>
        <message>
            <source>Batch (B):</source>
            <translation>Lot (B) :</translation>
        </message>
        <message>
            <source>attnviz's limit for the batch; every batch row is computed and kept</source>
            <translation>la limite d'attnviz pour le lot ; chaque ligne du lot est calculée et conservée</translation>
        </message>
        <message>
            <source>B, the first axis of the query, value and key inputs: how many sequences go through the layer at once.</source>
            <translation>B, le premier axe des entrées query, value et key : le nombre de séquences qui traversent la couche en même temps.</translation>
        </message>
        <message>
            <source>Query length (T):</source>
            <translation>Longueur de requête (T) :</translation>
        </message>
        <message>
            <source>T, the query input's sequence length (query.shape[1]): the target sequence, one row of the attention weights per position.</source>
            <translation>T, la longueur de séquence de l'entrée requête (query.shape[1]) : la séquence cible, une ligne de poids d'attention par position.</translation>
        </message>
        <message>
            <source>Source length (S):</source>
            <translation>Longueur de source (S) :</translation>
        </message>
        <message>
            <source>S, the value (and key) input's sequence length (value.shape[1]): one column of the attention weights per position.</source>
            <translation>S, la longueur de séquence de l'entrée valeur (et clé) (value.shape[1]) : une colonne de poids d'attention par position.</translation>
        </message>
        <message>
            <source>Query width:</source>
            <translation>Largeur de requête :</translation>
        </message>
        <message>
            <source>Features per query token (query.shape[-1]).</source>
            <translation>Caractéristiques par jeton de requête (query.shape[-1]).</translation>
        </message>
        <message>
            <source>Value width:</source>
            <translation>Largeur de valeur :</translation>
        </message>
        <message>
            <source>Features per value token (value.shape[-1]).</source>
            <translation>Caractéristiques par jeton de valeur (value.shape[-1]).</translation>
        </message>
        <message>
            <source>Key width:</source>
            <translation>Largeur de clé :</translation>
        </message>
        <message>
            <source>Features per key token (key.shape[-1]); auto: no separate key input, so Keras uses the value as the key.</source>
            <translation>Caractéristiques par jeton de clé (key.shape[-1]) ; auto : pas d'entrée clé séparée, Keras utilise donc la valeur comme clé.</translation>
        </message>
        <message>
            <source>Causal (no peeking ahead)</source>
            <translation>Causal (pas de coup d'œil en avant)</translation>
        </message>
        <message>
            <source>A call argument: query position i may only attend to source positions ≤ i.</source>
            <translation>Un argument d'appel : la position de requête i ne peut porter attention qu'aux positions source ≤ i.</translation>
        </message>
        <message>
            <source>Query padding:</source>
            <translation>Remplissage de requête :</translation>
        </message>
        <message>
            <source>Query positions that are padding, separated by spaces ("3 4"): query_mask is False there, in every batch row; those rows of the output get no attention.</source>
            <translation>Les positions de requête qui sont du remplissage, séparées par des espaces ("3 4") : query_mask y vaut False, dans chaque ligne du lot ; ces lignes de la sortie ne reçoivent aucune attention.</translation>
        </message>
        <message>
            <source>Source padding:</source>
            <translation>Remplissage de source :</translation>
        </message>
        <message>
            <source>Source positions that are padding, separated by spaces ("3 4"): value_mask is False there, so no query attends to them.</source>
            <translation>Les positions source qui sont du remplissage, séparées par des espaces ("3 4") : value_mask y vaut False, donc aucune requête ne leur porte attention.</translation>
        </message>
        <message>
            <source>Dropout:</source>
            <translation>Dropout :</translation>
        </message>
        <message>
            <source>a rate of 1 would drop every attention weight</source>
            <translation>un taux de 1 supprimerait tous les poids d'attention</translation>
        </message>
        <message>
            <source>The dropout rate on the attention weights; applied only when the layer is called with training=True.</source>
            <translation>Le taux de dropout sur les poids d'attention ; appliqué seulement quand la couche est appelée avec training=True.</translation>
        </message>
        <message>
            <source>training=True</source>
            <translation>training=True</translation>
        </message>
        <message>
            <source>A call argument: call the layer in training mode, so dropout is applied (only with a dropout above 0).</source>
            <translation>Un argument d'appel : appeler la couche en mode entraînement, pour que le dropout s'applique (seulement avec un dropout supérieur à 0).</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Graine :</translation>
        </message>
        <message>
            <source>a seed is a 32-bit integer</source>
            <translation>une graine est un entier de 32 bits</translation>
        </message>
        <message>
            <source>The seed of the random inputs, of the initial weights (Keras' initializers: glorot_uniform kernels, zero biases) and of dropout. The same seed always gives the same numbers.</source>
            <translation>La graine des entrées aléatoires, des poids initiaux (les initialiseurs de Keras : noyaux glorot_uniform, biais nuls) et du dropout. La même graine donne toujours les mêmes nombres.</translation>
        </message>
        <message>
            <source>Query:</source>
            <translation>Requête :</translation>
        </message>
        <message>
            <source>The query input as a sentence: one token per word, and the same word always gets the same vector. The tokens label the heatmap axes.</source>
            <translation>L'entrée requête sous forme de phrase : un jeton par mot, et le même mot reçoit toujours le même vecteur. Les jetons étiquettent les axes de la carte de chaleur.</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>Source :</translation>
        </message>
        <message>
            <source>The value (and key) input as a sentence, for cross-attention; empty: the query sentence (self-attention).</source>
            <translation>L'entrée valeur (et clé) sous forme de phrase, pour l'attention croisée ; vide : la phrase de la requête (auto-attention).</translation>
        </message>
        <message>
            <source>The query input from a float32 or float64 .npy of shape (batch, query_len, query_features).</source>
            <translation>L'entrée requête depuis un .npy float32 ou float64 de forme (batch, query_len, query_features).</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>Valeur :</translation>
        </message>
        <message>
            <source>The value input from a float32 or float64 .npy of shape (batch, source_len, value_features).</source>
            <translation>L'entrée valeur depuis un .npy float32 ou float64 de forme (batch, source_len, value_features).</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>Clé :</translation>
        </message>
        <message>
            <source>Optional: the key input from a .npy of shape (batch, source_len, key_features); without it Keras uses the value as the key.</source>
            <translation>Facultatif : l'entrée clé depuis un .npy de forme (batch, source_len, key_features) ; sans elle, Keras utilise la valeur comme clé.</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>Entrées :</translation>
        </message>
        <message>
            <source>Where the layer's call inputs query, value (and key) come from: random from the seed, a typed sentence, an edited table, or .npy files.</source>
            <translation>D'où viennent les entrées d'appel query, value (et key) de la couche : aléatoires depuis la graine, une phrase saisie, une table modifiée ou des fichiers .npy.</translation>
        </message>
        <message>
            <source>“%1” is not a position: expected whole numbers like “3 4”.</source>
            <translation>« %1 » n'est pas une position : des nombres entiers comme « 3 4 » sont attendus.</translation>
        </message>
        <message>
            <source>Position %1 is outside the sequence: expected 0 to %2. Received: %1.</source>
            <translation>La position %1 est hors de la séquence : attendu de 0 à %2. Reçu : %1.</translation>
        </message>
        <message>
            <source>Unknown layer “%1”.</source>
            <translation>Couche inconnue « %1 ».</translation>
        </message>
        <message>
            <source>score_mode is “dot” or “concat”. Received: score_mode=%1</source>
            <translation>score_mode vaut « dot » ou « concat ». Reçu : score_mode=%1</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras : &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
        </message>
        <message>
            <source>every layer</source>
            <translation>toutes les couches</translation>
        </message>
        <message>
            <source>&lt;p&gt;At most %1: %2.&lt;/p&gt;</source>
            <translation>&lt;p&gt;Au plus %1 : %2.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1 %2 is over attnviz's limit of %3: %4. Received: %5=%2</source>
            <translation>%1 %2 dépasse la limite d'attnviz de %3 : %4. Reçu : %5=%2</translation>
        </message>
        <message>
            <source>At most %1: %2.</source>
            <translation>Au plus %1 : %2.</translation>
        </message>
    </context>
    <context>
        <name>StepText</name>
        <message>
            <source>input</source>
            <translation>entrée</translation>
        </message>
        <message>
            <source>dense projection</source>
            <translation>projection dense</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>mise à l'échelle</translation>
        </message>
        <message>
            <source>matrix product</source>
            <translation>produit matriciel</translation>
        </message>
        <message>
            <source>mask</source>
            <translation>masque</translation>
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
            <translation>concaténation</translation>
        </message>
        <message>
            <source>tanh sum</source>
            <translation>somme de tanh</translation>
        </message>
        <message>
            <source>add</source>
            <translation>addition</translation>
        </message>
        <message>
            <source>layer norm</source>
            <translation>normalisation de couche</translation>
        </message>
        <message>
            <source>repeat heads</source>
            <translation>répétition des têtes</translation>
        </message>
        <message>
            <source>multiply</source>
            <translation>multiplication</translation>
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
            <translation>attnviz : --view doit être l'un de %1. Reçu : %2</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz : impossible d'utiliser %1 : %2</translation>
        </message>
        <message>
            <source>attnviz: could not write %1</source>
            <translation>attnviz : impossible d'écrire %1</translation>
        </message>
        <message>
            <source>attnviz: no step “%1” in this trace</source>
            <translation>attnviz : pas d'étape « %1 » dans cette trace</translation>
        </message>
        <message>
            <source>attnviz: cannot write %1: %2</source>
            <translation>attnviz : impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <source>attnviz: --train-task: %1</source>
            <translation>attnviz : --train-task : %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::AttentionGrid</name>
        <message>
            <source>block %1 · head %2</source>
            <translation>bloc %1 · tête %2</translation>
        </message>
        <message>
            <source>block %1</source>
            <translation>bloc %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::CompareView</name>
        <message>
            <source>The same query, key and value through every layer, with your inputs, masks and, where they apply, your layer's options and weights (inference, no dropout). All weights share one 0–1 colour scale.</source>
            <translation>La même requête, la même clé et la même valeur à travers chaque couche, avec vos entrées, vos masques et, quand ils s'appliquent, les options et les poids de votre couche (inférence, sans dropout). Tous les poids partagent une même échelle de couleurs 0–1.</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>Which batch element to show</source>
            <translation>L'élément du lot à afficher</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>Tête</translation>
        </message>
        <message>
            <source>Which head to show in the tiles with heads</source>
            <translation>La tête à afficher dans les vignettes qui ont des têtes</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>Différence</translation>
        </message>
        <message>
            <source>The difference heatmap shows A − B</source>
            <translation>La carte de chaleur des différences montre A − B</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>poids</translation>
        </message>
        <message>
            <source>Hover a cell for its exact value.</source>
            <translation>Survolez une cellule pour voir sa valeur exacte.</translation>
        </message>
        <message>
            <source>source</source>
            <translation>source</translation>
        </message>
        <message>
            <source>query</source>
            <translation>requête</translation>
        </message>
        <message>
            <source>your layer, with your options and weights</source>
            <translation>votre couche, avec vos options et vos poids</translation>
        </message>
        <message>
            <source>what-if: not how Keras builds it</source>
            <translation>et si… : pas la construction de Keras</translation>
        </message>
        <message>
            <source>equals %1: max |Δ| = %2</source>
            <translation>égal à %1 : max |Δ| = %2</translation>
        </message>
        <message>
            <source>equals %1</source>
            <translation>égal à %1</translation>
        </message>
        <message>
            <source>Cannot compare: %1</source>
            <translation>Comparaison impossible : %1</translation>
        </message>
        <message>
            <source>No inputs.</source>
            <translation>Aucune entrée.</translation>
        </message>
        <message>
            <source>Both variants need weights to subtract.</source>
            <translation>Les deux variantes doivent avoir des poids pour être soustraites.</translation>
        </message>
        <message>
            <source> — head %1</source>
            <translation> — tête %1</translation>
        </message>
        <message>
            <source>Difference A − B</source>
            <translation>Différence A − B</translation>
        </message>
        <message>
            <source>max |Δ| = %1</source>
            <translation>max |Δ| = %1</translation>
        </message>
        <message>
            <source>Identities, checked on these inputs:</source>
            <translation>Identités, vérifiées sur ces entrées :</translation>
        </message>
        <message>
            <source>Holds when:</source>
            <translation>Vraie lorsque :</translation>
        </message>
        <message>
            <source>With these conditions applied to your inputs: max |Δ| = %1 (%2).</source>
            <translation>Avec ces conditions appliquées à vos entrées : max |Δ| = %1 (%2).</translation>
        </message>
        <message>
            <source>Cannot be checked on these inputs: %1.</source>
            <translation>Impossible à vérifier sur ces entrées : %1.</translation>
        </message>
        <message>
            <source>Your setup meets the conditions.</source>
            <translation>Votre configuration remplit les conditions.</translation>
        </message>
        <message>
            <source>Your setup does not meet them: %1.</source>
            <translation>Votre configuration ne les remplit pas : %1.</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>%1 — query %2 (%3), source %4 (%5): %6</source>
            <translation>%1 — requête %2 (%3), source %4 (%5) : %6</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::Controller</name>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Rien n'a encore été calculé.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::EquivalenceLabView</name>
        <message>
            <source>The claim to check: two Keras layers that compute the same thing under conditions.</source>
            <translation>L'affirmation à vérifier : deux couches Keras qui calculent la même chose sous certaines conditions.</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>Affirmation</translation>
        </message>
        <message>
            <source>Conditions (untick one to break the claim)</source>
            <translation>Conditions (décochez-en une pour mettre l'affirmation en défaut)</translation>
        </message>
        <message>
            <source>step</source>
            <translation>étape</translation>
        </message>
        <message>
            <source>left shape</source>
            <translation>forme à gauche</translation>
        </message>
        <message>
            <source>right shape</source>
            <translation>forme à droite</translation>
        </message>
        <message>
            <source>max |Δ|</source>
            <translation>max |Δ|</translation>
        </message>
        <message>
            <source>Unticked: %1</source>
            <translation>Décochée : %1</translation>
        </message>
        <message>
            <source>left: %1, right: %2</source>
            <translation>gauche : %1, droite : %2</translation>
        </message>
        <message>
            <source>&lt;b&gt;The claim holds&lt;/b&gt; (%1): every shared step agrees to float32 rounding, max |Δ| = %2.</source>
            <translation>&lt;b&gt;L'affirmation est vraie&lt;/b&gt; (%1) : chaque étape commune concorde à l'arrondi float32 près, max |Δ| = %2.</translation>
        </message>
        <message>
            <source>&lt;b&gt;The two computations part at “%1”&lt;/b&gt; (%2): max |Δ| = %3 there.</source>
            <translation>&lt;b&gt;Les deux calculs divergent à « %1 »&lt;/b&gt; (%2) : max |Δ| = %3 à cet endroit.</translation>
        </message>
        <message>
            <source>Cannot run this claim: %1</source>
            <translation>Impossible d'exécuter cette affirmation : %1</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>different sizes</source>
            <translation>tailles différentes</translation>
        </message>
        <message>
            <source>equal</source>
            <translation>égal</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>différent</translation>
        </message>
        <message>
            <source>Predict, then Reveal: the differences of the two traces appear after the reveal.</source>
            <translation>Prédisez, puis Révéler : les différences entre les deux traces apparaissent après la révélation.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ExportMenu</name>
        <message>
            <source>&amp;Export</source>
            <translation>&amp;Exporter</translation>
        </message>
        <message>
            <source>&amp;Heatmap image (PNG, PDF, SVG)…</source>
            <translation>Image de la carte de &amp;chaleur (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>S&amp;tage image (PNG, PDF, SVG)…</source>
            <translation>Image de la &amp;scène (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>&amp;Compare view image (PNG, PDF, SVG)…</source>
            <translation>Image de la vue &amp;Comparer (PNG, PDF, SVG)…</translation>
        </message>
        <message>
            <source>Save the Compare tab as a figure</source>
            <translation>Enregistrer l'onglet Comparer comme figure</translation>
        </message>
        <message>
            <source>Step tensor, &amp;shown slice (.npy, .csv)…</source>
            <translation>Tenseur de l'étape, tranche &amp;affichée (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The 2-D slice the heatmap shows (current batch and head), as a NumPy array or a CSV table</source>
            <translation>La tranche 2-D affichée par la carte de chaleur (lot et tête courants), en tableau NumPy ou en table CSV</translation>
        </message>
        <message>
            <source>Step tensor, &amp;whole (.npy, .csv)…</source>
            <translation>Tenseur de l'étape, &amp;entier (.npy, .csv)…</translation>
        </message>
        <message>
            <source>The current step's whole tensor, every axis, as a NumPy array or a CSV table</source>
            <translation>Le tenseur entier de l'étape courante, tous les axes, en tableau NumPy ou en table CSV</translation>
        </message>
        <message>
            <source>Whole t&amp;race (.npz)…</source>
            <translation>&amp;Trace entière (.npz)…</translation>
        </message>
        <message>
            <source>Every step's tensor keyed by step, the same file as attnviz-trace --out</source>
            <translation>Le tenseur de chaque étape, indexé par étape, le même fichier que attnviz-trace --out</translation>
        </message>
        <message>
            <source>Setup as spec &amp;bundle (folder)…</source>
            <translation>Configuration en &amp;paquet spec (dossier)…</translation>
        </message>
        <message>
            <source>spec.json with its .npy inputs and masks and weights.npz, which loads back to the same trace</source>
            <translation>spec.json avec ses entrées et masques .npy et weights.npz, qui se recharge en la même trace</translation>
        </message>
        <message>
            <source>&amp;Python script</source>
            <translation>Script &amp;Python</translation>
        </message>
        <message>
            <source>&amp;NumPy…</source>
            <translation>&amp;NumPy…</translation>
        </message>
        <message>
            <source>Self-contained NumPy, one block per step, checked against the trace</source>
            <translation>NumPy autonome, un bloc par étape, vérifié contre la trace</translation>
        </message>
        <message>
            <source>&amp;Keras 3…</source>
            <translation>&amp;Keras 3…</translation>
        </message>
        <message>
            <source>The real Keras layer with these weights and masks, checked against the trace</source>
            <translation>La vraie couche Keras avec ces poids et ces masques, vérifiée contre la trace</translation>
        </message>
        <message>
            <source>&amp;PyTorch…</source>
            <translation>&amp;PyTorch…</translation>
        </message>
        <message>
            <source>The layer in torch ops (and nn.MultiheadAttention where it fits), checked</source>
            <translation>La couche en opérations torch (et nn.MultiheadAttention quand c'est possible), vérifiée</translation>
        </message>
        <message>
            <source>&amp;Copy heatmap and cells</source>
            <translation>&amp;Copier la carte de chaleur et les cellules</translation>
        </message>
        <message>
            <source>Copy the heatmap as an image and the selected (or hovered) cells as tab-separated numbers</source>
            <translation>Copier la carte de chaleur comme image et les cellules sélectionnées (ou survolées) comme nombres séparés par des tabulations</translation>
        </message>
        <message>
            <source>Copied the heatmap</source>
            <translation>Carte de chaleur copiée</translation>
        </message>
        <message>
            <source>Copied the heatmap and %1 cell(s)</source>
            <translation>Carte de chaleur et %1 cellule(s) copiées</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Rien n'a encore été calculé.</translation>
        </message>
        <message>
            <source>Choose a .npy or .csv file name. Received: %1</source>
            <translation>Choisissez un nom de fichier .npy ou .csv. Reçu : %1</translation>
        </message>
        <message>
            <source>attnviz compare</source>
            <translation>comparaison attnviz</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>Tableau NumPy (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>Table CSV (*.csv)</translation>
        </message>
        <message>
            <source>Export the step's tensor</source>
            <translation>Exporter le tenseur de l'étape</translation>
        </message>
        <message>
            <source>Export the shown slice</source>
            <translation>Exporter la tranche affichée</translation>
        </message>
        <message>
            <source>Export the whole trace</source>
            <translation>Exporter la trace entière</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>Archive NumPy (*.npz)</translation>
        </message>
        <message>
            <source>Folder for the spec bundle</source>
            <translation>Dossier du paquet spec</translation>
        </message>
        <message>
            <source>Export the computation as a Python script</source>
            <translation>Exporter le calcul en script Python</translation>
        </message>
        <message>
            <source>Python script (*.py)</source>
            <translation>Script Python (*.py)</translation>
        </message>
        <message>
            <source>Export the Compare view</source>
            <translation>Exporter la vue Comparer</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>Image PNG (*.png);;Document PDF (*.pdf);;Dessin SVG (*.svg)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::FormulaPanel</name>
        <message>
            <source>Translate to PyTorch</source>
            <translation>Traduire en PyTorch</translation>
        </message>
        <message>
            <source>Show the same layer written with PyTorch ops beside the Keras code, the current step highlighted in both</source>
            <translation>Afficher la même couche écrite avec des opérations PyTorch à côté du code Keras, l'étape courante surlignée dans les deux</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>Formule</translation>
        </message>
        <message>
            <source>Keras code</source>
            <translation>Code Keras</translation>
        </message>
        <message>
            <source>What this step computes, and the Keras line that does it</source>
            <translation>Ce que calcule cette étape, et la ligne Keras qui le fait</translation>
        </message>
        <message>
            <source>The whole MultiHeadAttention layer written with EinsumDense, Softmax, Dropout, Add and LayerNormalization for the current settings</source>
            <translation>Toute la couche MultiHeadAttention écrite avec EinsumDense, Softmax, Dropout, Add et LayerNormalization pour les réglages actuels</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;Nothing computed yet. Choose a layer and its sizes on the left.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;Rien n'a encore été calculé. Choisissez une couche et ses tailles à gauche.&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3 style='margin:0'&gt;Step %1 of %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</source>
            <translation>&lt;h3 style='margin:0'&gt;Étape %1 sur %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</translation>
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
            <translation>forme</translation>
        </message>
        <message>
            <source>reads</source>
            <translation>lit</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>coût</translation>
        </message>
        <message>
            <source>%1 FLOPs, %2 bytes</source>
            <translation>%1 FLOP, %2 octets</translation>
        </message>
        <message>
            <source># No Keras listing for this layer.</source>
            <translation># Pas de listing Keras pour cette couche.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::HeatmapView</name>
        <message>
            <source>Move the mouse over a cell to see its indices and exact value</source>
            <translation>Placez la souris sur une cellule pour voir ses indices et sa valeur exacte</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>Carte de chaleur</translation>
        </message>
        <message>
            <source>Digits:</source>
            <translation>Chiffres :</translation>
        </message>
        <message>
            <source>Significant digits in each cell; hover a cell for all nine</source>
            <translation>Chiffres significatifs dans chaque cellule ; survolez une cellule pour les neuf</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>Nombres</translation>
        </message>
        <message>
            <source>The slice as numbers, with each row's sum</source>
            <translation>La tranche en nombres, avec la somme de chaque ligne</translation>
        </message>
        <message>
            <source>Colours 0–1</source>
            <translation>Couleurs 0–1</translation>
        </message>
        <message>
            <source>Colours 0–top (auto)</source>
            <translation>Couleurs 0–sommet (auto)</translation>
        </message>
        <message>
            <source>Probabilities: a fixed 0–1 scale compares steps; auto stretches the colours to the step's largest value, or, once it has 1000 values, to the value 99.5 % of them stay under (long sequences spread the weights thin, and row 0 of a causal mask is a single 1); cells above it take the top colour</source>
            <translation>Probabilités : une échelle fixe 0–1 permet de comparer les étapes ; auto étire les couleurs jusqu'à la plus grande valeur de l'étape ou, dès 1000 valeurs, jusqu'à la valeur sous laquelle restent 99,5 % d'entre elles (les longues séquences diluent les poids, et la ligne 0 d'un masque causal est un seul 1) ; les cellules au-dessus prennent la couleur du sommet</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</translation>
        </message>
        <message>
            <source>&lt;i&gt;No tensor to show&lt;/i&gt;</source>
            <translation>&lt;i&gt;Aucun tenseur à afficher&lt;/i&gt;</translation>
        </message>
        <message>
            <source>axis %1</source>
            <translation>axe %1</translation>
        </message>
        <message>
            <source>Which %1 to show (0 to %2)</source>
            <translation>Quel %1 afficher (0 à %2)</translation>
        </message>
        <message>
            <source>Hover over a cell for its exact value.</source>
            <translation>Survolez une cellule pour voir sa valeur exacte.</translation>
        </message>
        <message>
            <source>probability (auto 0–%1)</source>
            <translation>probabilité (auto 0–%1)</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>probabilité</translation>
        </message>
        <message>
            <source>max |v| per %1×%2 block</source>
            <translation>max |v| par bloc de %1×%2</translation>
        </message>
        <message>
            <source>Slice %1×%2 — min %3, max %4, mean %5</source>
            <translation>Tranche %1×%2 — min %3, max %4, moyenne %5</translation>
        </message>
        <message numerus="yes">
            <source>, %n masked cell(s) shown grey</source>
            <translation>
                <numerusform>, %n cellule masquée affichée en gris</numerusform>
                <numerusform>, %n cellules masquées affichées en gris</numerusform>
            </translation>
        </message>
        <message>
            <source> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</source>
            <translation> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</translation>
        </message>
        <message>
            <source>Row sums: %1</source>
            <translation>Sommes des lignes : %1</translation>
        </message>
        <message>
            <source>Row sums from %1 to %2</source>
            <translation>Sommes des lignes de %1 à %2</translation>
        </message>
        <message>
            <source>%1 (masked)</source>
            <translation>%1 (masqué)</translation>
        </message>
        <message>
            <source>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</source>
            <translation>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;br&gt;Drawn: the largest |value| of rows %1–%2 × columns %3–%4, %5</source>
            <translation>&lt;br&gt;Dessiné : la plus grande |valeur| des lignes %1–%2 × colonnes %3–%4, %5</translation>
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
            <translation>Ouvrir un modèle Keras</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2 model &lt;i&gt;%3&lt;/i&gt;. Pick the attention layer to step through; its trained weights are read from the file and inputs take the layer's own widths.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — modèle %2 &lt;i&gt;%3&lt;/i&gt;. Choisissez la couche d'attention à parcourir pas à pas ; ses poids entraînés sont lus dans le fichier et les entrées prennent les largeurs propres à la couche.</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>Classe</translation>
        </message>
        <message>
            <source>Heads</source>
            <translation>Têtes</translation>
        </message>
        <message>
            <source>Input widths</source>
            <translation>Largeurs d'entrée</translation>
        </message>
        <message>
            <source>dtype</source>
            <translation>dtype</translation>
        </message>
        <message>
            <source>Layers inside nested models (%1) cannot be opened: only the top-level model's.</source>
            <translation>Les couches des modèles imbriqués (%1) ne peuvent pas être ouvertes : seulement celles du modèle de plus haut niveau.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::LessonPanel</name>
        <message>
            <source>Click the cell you predict; arrow keys move, Enter chooses.</source>
            <translation>Cliquez sur la cellule que vous prédisez ; les flèches déplacent, Entrée choisit.</translation>
        </message>
        <message>
            <source>Type a number</source>
            <translation>Tapez un nombre</translation>
        </message>
        <message>
            <source>Reveal</source>
            <translation>Révéler</translation>
        </message>
        <message>
            <source>Play the step and mark the answer (Ctrl+Return; Page Down on a question)</source>
            <translation>Jouer l'étape et marquer la réponse (Ctrl+Entrée ; Page suivante sur une question)</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ Précédente</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>Suivante ▶</translation>
        </message>
        <message>
            <source>Previous slide (Page Up)</source>
            <translation>Diapositive précédente (Page précédente)</translation>
        </message>
        <message>
            <source>Next slide (Page Down; on a question it reveals first)</source>
            <translation>Diapositive suivante (Page suivante ; sur une question, révèle d'abord)</translation>
        </message>
        <message>
            <source>Next slide (reveal first)</source>
            <translation>Diapositive suivante (révéler d'abord)</translation>
        </message>
        <message>
            <source>Previous slide</source>
            <translation>Diapositive précédente</translation>
        </message>
        <message>
            <source>Reveal the answer</source>
            <translation>Révéler la réponse</translation>
        </message>
        <message>
            <source>Choose option %1</source>
            <translation>Choisir l'option %1</translation>
        </message>
        <message>
            <source>Open &amp;lesson…</source>
            <translation>Ouvrir une &amp;leçon…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Open a lesson: slides with narration and questions</source>
            <translation>Ouvrir une leçon : des diapositives avec commentaires et questions</translation>
        </message>
        <message>
            <source>E&amp;xamples</source>
            <translation>E&amp;xemples</translation>
        </message>
        <message>
            <source>Save s&amp;lide…</source>
            <translation>Enregistrer la dia&amp;positive…</translation>
        </message>
        <message>
            <source>Append the current spec, step and view as a slide to a lesson</source>
            <translation>Ajouter la spec, l'étape et la vue courantes comme diapositive à une leçon</translation>
        </message>
        <message>
            <source>Export &amp;handout…</source>
            <translation>Exporter le &amp;polycopié…</translation>
        </message>
        <message>
            <source>Every slide of the open lesson, with a page of answers, as a PDF</source>
            <translation>Toutes les diapositives de la leçon ouverte, avec une page de réponses, en PDF</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>&amp;Leçons</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Raccourcis &amp;clavier</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>Exemple</translation>
        </message>
        <message>
            <source>Lesson: %1</source>
            <translation>Leçon : %1</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Leçon</translation>
        </message>
        <message>
            <source>(no bundled examples found in %1)</source>
            <translation>(aucun exemple fourni trouvé dans %1)</translation>
        </message>
        <message>
            <source>(no lessons found in %1)</source>
            <translation>(aucune leçon trouvée dans %1)</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Raccourcis clavier</translation>
        </message>
        <message>
            <source>Could not open the lesson: %1</source>
            <translation>Impossible d'ouvrir la leçon : %1</translation>
        </message>
        <message>
            <source>“%1” is not a number; type e.g. 0.25.</source>
            <translation>« %1 » n'est pas un nombre ; tapez par exemple 0,25.</translation>
        </message>
        <message>
            <source>Revealed without an answer.</source>
            <translation>Révélé sans réponse.</translation>
        </message>
        <message>
            <source>&lt;b style="color:#1a7f37"&gt;Right!&lt;/b&gt;</source>
            <translation>&lt;b style="color:#1a7f37"&gt;Exact !&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style="color:#c62828"&gt;Not quite.&lt;/b&gt;</source>
            <translation>&lt;b style="color:#c62828"&gt;Pas tout à fait.&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Answer: %1</source>
            <translation>Réponse : %1</translation>
        </message>
        <message>
            <source>No lesson open. File ▸ Open lesson… or Help ▸ Lessons.</source>
            <translation>Aucune leçon ouverte. Fichier ▸ Ouvrir une leçon… ou Aide ▸ Leçons.</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — diapositive %2 sur %3</translation>
        </message>
        <message>
            <source>Open lesson</source>
            <translation>Ouvrir une leçon</translation>
        </message>
        <message>
            <source>Lessons (*.md);;All files (*)</source>
            <translation>Leçons (*.md);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>Rien n'a encore été calculé.</translation>
        </message>
        <message>
            <source>Save slide to lesson</source>
            <translation>Enregistrer la diapositive dans une leçon</translation>
        </message>
        <message>
            <source>Lessons (*.md)</source>
            <translation>Leçons (*.md)</translation>
        </message>
        <message>
            <source>Save slide</source>
            <translation>Enregistrer la diapositive</translation>
        </message>
        <message>
            <source>Slide title:</source>
            <translation>Titre de la diapositive :</translation>
        </message>
        <message>
            <source>Slide appended to %1</source>
            <translation>Diapositive ajoutée à %1</translation>
        </message>
        <message>
            <source>Export handout</source>
            <translation>Exporter le polycopié</translation>
        </message>
        <message>
            <source>Open a lesson first (File ▸ Open lesson…).</source>
            <translation>Ouvrez d'abord une leçon (Fichier ▸ Ouvrir une leçon…).</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Click the cell you predict, or move the blue frame with the arrow keys and press Enter.</source>
            <translation>Cliquez sur la cellule que vous prédisez, ou déplacez le cadre bleu avec les flèches et appuyez sur Entrée.</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 question</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n question</numerusform>
                <numerusform>%n questions</numerusform>
            </translation>
        </message>
        <message>
            <source>Score: %1 right of %2 answered · %3</source>
            <translation>Score : %1 juste(s) sur %2 répondue(s) · %3</translation>
        </message>
        <message>
            <source>Export &amp;worksheet…</source>
            <translation>Exporter la &amp;fiche d'exercices…</translation>
        </message>
        <message>
            <source>For students: each question with its operands and room to answer, no answers</source>
            <translation>Pour les élèves : chaque question avec ses opérandes et de la place pour répondre, sans les réponses</translation>
        </message>
        <message>
            <source>Export answer &amp;key…</source>
            <translation>Exporter le &amp;corrigé…</translation>
        </message>
        <message>
            <source>For the teacher: the class plan, every answer with its reasoning, the presenter notes</source>
            <translation>Pour l'enseignant : le plan de séance, chaque réponse avec sa justification, les notes</translation>
        </message>
        <message>
            <source>Export worksheet</source>
            <translation>Exporter la fiche d'exercices</translation>
        </message>
        <message>
            <source>Export answer key</source>
            <translation>Exporter le corrigé</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::MainWindow</name>
        <message>
            <source>1 NaN value</source>
            <translation>1 valeur NaN</translation>
        </message>
        <message>
            <source>%1 NaN values</source>
            <translation>%1 valeurs NaN</translation>
        </message>
        <message>
            <source>1 Inf value</source>
            <translation>1 valeur Inf</translation>
        </message>
        <message>
            <source>%1 Inf values</source>
            <translation>%1 valeurs Inf</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 et %2</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>en %1</translation>
        </message>
        <message>
            <source>rows %1</source>
            <translation>lignes %1</translation>
        </message>
        <message>
            <source>%1 contains %2 (%3)</source>
            <translation>%1 contient %2 (%3)</translation>
        </message>
        <message>
            <source>attnviz — attention, step by step</source>
            <translation>attnviz — l'attention, étape par étape</translation>
        </message>
        <message>
            <source>The current operation, animated. Step menu ▸ Replay animation (R) plays it again.</source>
            <translation>L'opération courante, animée. Menu Étape ▸ Rejouer l'animation (R) la rejoue.</translation>
        </message>
        <message>
            <source>↻ Replay</source>
            <translation>↻ Rejouer</translation>
        </message>
        <message>
            <source>Play this step's animation again (R)</source>
            <translation>Rejouer l'animation de cette étape (R)</translation>
        </message>
        <message>
            <source>Scrub through this step's animation ([ and ] move it by 5 %)</source>
            <translation>Parcourir l'animation de cette étape ([ et ] la déplacent de 5 %)</translation>
        </message>
        <message>
            <source>Drag to share the height between the stage and the formula</source>
            <translation>Faire glisser pour répartir la hauteur entre la scène et la formule</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>Scène</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>Comparer</translation>
        </message>
        <message>
            <source>The same inputs through every variant, side by side</source>
            <translation>Les mêmes entrées à travers chaque variante, côte à côte</translation>
        </message>
        <message>
            <source>1/√dₖ lab</source>
            <translation>Labo 1/√dₖ</translation>
        </message>
        <message>
            <source>Why q·k is divided by √key_dim: spread, saturation, entropy, gradient</source>
            <translation>Pourquoi q·k est divisé par √key_dim : dispersion, saturation, entropie, gradient</translation>
        </message>
        <message>
            <source>Equivalence lab</source>
            <translation>Labo des équivalences</translation>
        </message>
        <message>
            <source>When two layers compute the same thing, and where they part</source>
            <translation>Quand deux couches calculent la même chose, et où elles divergent</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>Poids</translation>
        </message>
        <message>
            <source>Every trainable weight of the layer: Keras name, shape, initializer, count, source; edit the numbers or use a preset</source>
            <translation>Chaque poids entraînable de la couche : nom Keras, forme, initialiseur, nombre, origine ; modifiez les nombres ou utilisez un préréglage</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>Configuration</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>Inspecteur</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>Chronologie</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>Détails…</translation>
        </message>
        <message>
            <source>Read the whole status message</source>
            <translation>Lire tout le message d'état</translation>
        </message>
        <message>
            <source>Computing the new setup; the last result stays on screen until it is ready</source>
            <translation>Calcul de la nouvelle configuration ; le dernier résultat reste à l'écran jusqu'à ce qu'elle soit prête</translation>
        </message>
        <message numerus="yes">
            <source>Computing… %n step(s) done</source>
            <translation>
                <numerusform>Calcul… %n étape terminée</numerusform>
                <numerusform>Calcul… %n étapes terminées</numerusform>
            </translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>Calcul…</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>Leçon</translation>
        </message>
        <message>
            <source>&amp;Open spec…</source>
            <translation>&amp;Ouvrir une spec…</translation>
        </message>
        <message>
            <source>Load a spec.json with its inputs and weights</source>
            <translation>Charger un spec.json avec ses entrées et ses poids</translation>
        </message>
        <message>
            <source>Open &amp;Keras model…</source>
            <translation>Ouvrir un modèle &amp;Keras…</translation>
        </message>
        <message>
            <source>Step through a trained attention layer of a saved Keras model (.keras)</source>
            <translation>Parcourir pas à pas une couche d'attention entraînée d'un modèle Keras enregistré (.keras)</translation>
        </message>
        <message>
            <source>&amp;Save spec…</source>
            <translation>&amp;Enregistrer la spec…</translation>
        </message>
        <message>
            <source>Write the current spec.json with its inputs and weights</source>
            <translation>Écrire le spec.json courant avec ses entrées et ses poids</translation>
        </message>
        <message>
            <source>&amp;Export heatmap…</source>
            <translation>&amp;Exporter la carte de chaleur…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the inspector's heatmap as PNG, PDF or SVG</source>
            <translation>Enregistrer la carte de chaleur de l'inspecteur en PNG, PDF ou SVG</translation>
        </message>
        <message>
            <source>Export s&amp;tage…</source>
            <translation>Exporter la &amp;scène…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Save the stage as PNG, PDF or SVG</source>
            <translation>Enregistrer la scène en PNG, PDF ou SVG</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Quitter</translation>
        </message>
        <message>
            <source>Quit attnviz</source>
            <translation>Quitter attnviz</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>Mode &amp;présentation</translation>
        </message>
        <message>
            <source>Full screen, big fonts, docks hidden; step with the keyboard</source>
            <translation>Plein écran, grandes polices, panneaux masqués ; avancer au clavier</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>Zoom &amp;avant</translation>
        </message>
        <message>
            <source>Ctrl+=</source>
            <translation>Ctrl+=</translation>
        </message>
        <message>
            <source>Larger fonts and cells</source>
            <translation>Polices et cellules plus grandes</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>Zoom a&amp;rrière</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>Smaller fonts and cells</source>
            <translation>Polices et cellules plus petites</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>&amp;Réinitialiser le zoom</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Normal size</source>
            <translation>Taille normale</translation>
        </message>
        <message>
            <source>&amp;Play / pause</source>
            <translation>&amp;Lecture / pause</translation>
        </message>
        <message>
            <source>Step through the computation</source>
            <translation>Parcourir le calcul étape par étape</translation>
        </message>
        <message>
            <source>&amp;Next step</source>
            <translation>Étape &amp;suivante</translation>
        </message>
        <message>
            <source>Go to the next step</source>
            <translation>Aller à l'étape suivante</translation>
        </message>
        <message>
            <source>P&amp;revious step</source>
            <translation>Étape &amp;précédente</translation>
        </message>
        <message>
            <source>Go to the previous step</source>
            <translation>Aller à l'étape précédente</translation>
        </message>
        <message>
            <source>&amp;First step</source>
            <translation>Première é&amp;tape</translation>
        </message>
        <message>
            <source>Go to the first step</source>
            <translation>Aller à la première étape</translation>
        </message>
        <message>
            <source>&amp;Last step</source>
            <translation>&amp;Dernière étape</translation>
        </message>
        <message>
            <source>Go to the last step</source>
            <translation>Aller à la dernière étape</translation>
        </message>
        <message>
            <source>Re&amp;play animation</source>
            <translation>Re&amp;jouer l'animation</translation>
        </message>
        <message>
            <source>Play this step's animation again</source>
            <translation>Rejouer l'animation de cette étape</translation>
        </message>
        <message>
            <source>Scrub &amp;back</source>
            <translation>Reculer (&amp;b)</translation>
        </message>
        <message>
            <source>Move the animation back by 5 %</source>
            <translation>Reculer l'animation de 5 %</translation>
        </message>
        <message>
            <source>Scrub &amp;forward</source>
            <translation>Avancer (&amp;f)</translation>
        </message>
        <message>
            <source>Move the animation forward by 5 %</source>
            <translation>Avancer l'animation de 5 %</translation>
        </message>
        <message>
            <source>&amp;About attnviz</source>
            <translation>À &amp;propos d'attnviz</translation>
        </message>
        <message>
            <source>What attnviz is</source>
            <translation>Ce qu'est attnviz</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>Quitter le mode présentation</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Fichier</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>Fichiers &amp;récents</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>É&amp;dition</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Affichage</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>É&amp;tape</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>&amp;Aide</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n step(s) · %2 FLOPs · computed in %3 ms</source>
            <translation>
                <numerusform>%1 · %n étape · %2 FLOP · calculé en %3 ms</numerusform>
                <numerusform>%1 · %n étapes · %2 FLOP · calculé en %3 ms</numerusform>
            </translation>
        </message>
        <message>
            <source>NOT KERAS: 1/√dₖ turned off (1/√dₖ lab)</source>
            <translation>PAS KERAS : 1/√dₖ désactivé (labo 1/√dₖ)</translation>
        </message>
        <message>
            <source>Not recomputed: %1 (the last good result stays on screen)</source>
            <translation>Non recalculé : %1 (le dernier résultat valide reste à l'écran)</translation>
        </message>
        <message>
            <source>%1 has %2 NaN and %3 Inf values (magenta)</source>
            <translation>%1 contient %2 valeurs NaN et %3 valeurs Inf (magenta)</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>État</translation>
        </message>
        <message>
            <source>An unsaved session from %1 was kept in %2</source>
            <translation>Une session non enregistrée du %1 a été conservée dans %2</translation>
        </message>
        <message>
            <source>Restored your unsaved session from %1</source>
            <translation>Votre session non enregistrée du %1 a été restaurée</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>Impossible d'ouvrir %1 : %2</translation>
        </message>
        <message>
            <source>Open spec</source>
            <translation>Ouvrir une spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json);;All files (*)</source>
            <translation>Specs de couche (*.json);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Could not open %1:
%2</source>
            <translation>Impossible d'ouvrir %1 :
%2</translation>
        </message>
        <message>
            <source>Reading layer '%1' of %2 (its weights are read in a separate process)…</source>
            <translation>Lecture de la couche '%1' de %2 (ses poids sont lus dans un processus séparé)…</translation>
        </message>
        <message>
            <source>Layer '%1' of %2: trained weights from the file, inputs at its widths</source>
            <translation>Couche '%1' de %2 : poids entraînés issus du fichier, entrées à ses largeurs</translation>
        </message>
        <message>
            <source>Open Keras model</source>
            <translation>Ouvrir un modèle Keras</translation>
        </message>
        <message>
            <source>Keras models (*.keras);;All files (*)</source>
            <translation>Modèles Keras (*.keras);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Save spec</source>
            <translation>Enregistrer la spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json)</source>
            <translation>Specs de couche (*.json)</translation>
        </message>
        <message>
            <source>Could not save %1:
%2</source>
            <translation>Impossible d'enregistrer %1 :
%2</translation>
        </message>
        <message>
            <source>Saved %1 (with its inputs and weights beside it)</source>
            <translation>%1 enregistré (avec ses entrées et ses poids à côté)</translation>
        </message>
        <message>
            <source>Choose the %1 .npy</source>
            <translation>Choisir le .npy de %1</translation>
        </message>
        <message>
            <source>NumPy arrays (*.npy);;All files (*)</source>
            <translation>Tableaux NumPy (*.npy);;Tous les fichiers (*)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>%1 enregistré</translation>
        </message>
        <message>
            <source>Export stage</source>
            <translation>Exporter la scène</translation>
        </message>
        <message>
            <source>Export heatmap</source>
            <translation>Exporter la carte de chaleur</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>Image PNG (*.png);;Document PDF (*.pdf);;Dessin SVG (*.svg)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>Exporter</translation>
        </message>
        <message>
            <source>About attnviz</source>
            <translation>À propos d'attnviz</translation>
        </message>
        <message>
            <source>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Keras' three attention layers — MultiHeadAttention, Attention and AdditiveAttention — computed exactly as Keras 3 does, one operation at a time: every tensor with its shape, its formula and the Keras code that produces it.&lt;/p&gt;&lt;p&gt;Keys: Space play/pause, Left/Right step, Home/End first/last, R replay, [ and ] scrub, F5 presentation, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Les trois couches d'attention de Keras — MultiHeadAttention, Attention et AdditiveAttention — calculées exactement comme dans Keras 3, une opération à la fois : chaque tenseur avec sa forme, sa formule et le code Keras qui le produit.&lt;/p&gt;&lt;p&gt;Touches : Espace lecture/pause, Gauche/Droite étape, Début/Fin première/dernière, R rejouer, [ et ] parcourir, F5 présentation, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Construit avec Qt %2 et QCustomPlot.&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Step %1 of %2 — %3 · %4 · %5 %6</source>
            <translation>Étape %1 sur %2 — %3 · %4 · %5 %6</translation>
        </message>
        <message>
            <source>the folder %1 does not exist</source>
            <translation>le dossier %1 n'existe pas</translation>
        </message>
        <message>
            <source>the folder %1 is not writable</source>
            <translation>le dossier %1 n'est pas accessible en écriture</translation>
        </message>
        <message>
            <source>the file exists and is read-only</source>
            <translation>le fichier existe et est en lecture seule</translation>
        </message>
        <message>
            <source>use a .png, .pdf or .svg name, and check the disk has space</source>
            <translation>utilisez un nom en .png, .pdf ou .svg, et vérifiez qu'il reste de la place sur le disque</translation>
        </message>
        <message>
            <source>Could not write %1: %2.</source>
            <translation>Impossible d'écrire %1 : %2.</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>Lecture…</translation>
        </message>
        <message>
            <source>Query–key space</source>
            <translation>Espace requête–clé</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane (a PCA): a query lies near the keys it attends to</source>
            <translation>Les requêtes et les clés de chaque tête comme points d'un même plan (une ACP) : une requête se trouve près des clés auxquelles elle porte attention</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>Entraîner</translation>
        </message>
        <message>
            <source>Train a small model on a toy task and watch its heads learn</source>
            <translation>Entraîner un petit modèle sur une tâche jouet et regarder ses têtes apprendre</translation>
        </message>
        <message>
            <source>Stage, timeline, inspector, Compare and Weights show the trained model's block 1 on the probe example: forward, then backward from the model's own gradient at the block's output.</source>
            <translation>La scène, la chronologie, l'inspecteur, Comparer et Poids montrent le bloc 1 du modèle entraîné sur l'exemple sonde : la passe avant, puis la passe arrière depuis le gradient du modèle à la sortie du bloc.</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>En&amp;traîner</translation>
        </message>
        <message>
            <source>&amp;Query–key space</source>
            <translation>Espace &amp;requête–clé</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane; hover a query for its keys</source>
            <translation>Les requêtes et les clés de chaque tête comme points d'un même plan ; survolez une requête pour voir ses clés</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::QkSpaceView</name>
        <message>
            <source>Head</source>
            <translation>Tête</translation>
        </message>
        <message>
            <source>Which head's queries and keys are shown</source>
            <translation>La tête dont les requêtes et les clés sont affichées</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>Lot</translation>
        </message>
        <message>
            <source>The query–key space of one head, after AttentionViz: every query (circle) and key (triangle) of the head as a point, in the plane that shows most of their spread (a PCA of both together). For dot-product scores the keys are first moved by mean(q) − mean(k); that adds the same amount to every score of a query's row, so the attention is unchanged, and a query then lies near the keys it scores highest. Hover a query to see the keys it attends to most.</source>
            <translation>L'espace requête–clé d'une tête, d'après AttentionViz : chaque requête (cercle) et chaque clé (triangle) de la tête comme un point, dans le plan qui montre l'essentiel de leur dispersion (une ACP des deux ensemble). Pour les scores par produit scalaire, les clés sont d'abord décalées de mean(q) − mean(k) ; cela ajoute la même quantité à chaque score d'une ligne de requête, l'attention est donc inchangée, et une requête se trouve alors près des clés auxquelles elle donne les plus hauts scores. Survolez une requête pour voir les clés auxquelles elle porte le plus attention.</translation>
        </message>
        <message>
            <source>No query–key space</source>
            <translation>Pas d'espace requête–clé</translation>
        </message>
        <message>
            <source>No trace yet</source>
            <translation>Pas encore de trace</translation>
        </message>
        <message>
            <source>%1 — head %2: queries from “%3”, keys from “%4”</source>
            <translation>%1 — tête %2 : requêtes de « %3 », clés de « %4 »</translation>
        </message>
        <message>
            <source>%1: queries from “%2”, keys from “%3” (no projections: the inputs themselves)</source>
            <translation>%1 : requêtes de « %2 », clés de « %3 » (pas de projections : les entrées elles-mêmes)</translation>
        </message>
        <message>
            <source>queries q (circles)</source>
            <translation>requêtes q (cercles)</translation>
        </message>
        <message>
            <source>keys k − mean(k) + mean(q) (triangles)</source>
            <translation>clés k − mean(k) + mean(q) (triangles)</translation>
        </message>
        <message>
            <source>keys k (triangles)</source>
            <translation>clés k (triangles)</translation>
        </message>
        <message>
            <source>PC 2 (%1 % of the spread)</source>
            <translation>CP 2 (%1 % de la dispersion)</translation>
        </message>
        <message>
            <source>PC 2 (the points lie on a line)</source>
            <translation>CP 2 (les points sont alignés)</translation>
        </message>
        <message>
            <source>PC 1 (%1 % of the spread)</source>
            <translation>CP 1 (%1 % de la dispersion)</translation>
        </message>
        <message>
            <source>PC 1 (all points coincide)</source>
            <translation>CP 1 (tous les points sont confondus)</translation>
        </message>
        <message>
            <source>This is AttentionViz's trick: the two clouds now share a centre, so distances between them can be compared. Attention follows q·k, not distance, so “near” is a rough guide only. The scores recomputed from these vectors match the trace %1.</source>
            <translation>C'est l'astuce d'AttentionViz : les deux nuages ont maintenant le même centre, on peut donc comparer les distances entre eux. L'attention suit q·k, pas la distance : « proche » n'est qu'une indication grossière. Les scores recalculés à partir de ces vecteurs concordent avec la trace %1.</translation>
        </message>
        <message>
            <source>exactly</source>
            <translation>exactement</translation>
        </message>
        <message>
            <source>within %1</source>
            <translation>à %1 près</translation>
        </message>
        <message>
            <source>The two axes are the directions of largest spread of all %1 points (a PCA); other directions are not shown. Hover a query (circle) to see the %2 keys it attends to most, with their weights.</source>
            <translation>Les deux axes sont les directions de plus grande dispersion des %1 points (une ACP) ; les autres directions ne sont pas montrées. Survolez une requête (cercle) pour voir les %2 clés auxquelles elle porte le plus attention, avec leurs poids.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ScalingLabView</name>
        <message>
            <source>Not Keras: turn 1/√dₖ off in the stage too</source>
            <translation>Pas Keras : désactiver aussi 1/√dₖ sur la scène</translation>
        </message>
        <message>
            <source>Watch the softmax saturate step by step on the stage</source>
            <translation>Regarder le softmax saturer étape par étape sur la scène</translation>
        </message>
        <message>
            <source>A what-if that Keras never does: MultiHeadAttention and GroupQueryAttention are recomputed without 1/√key_dim, so the scores are the raw q·k. The stage, the status line and the formula say “not Keras” while it is on.</source>
            <translation>Un « et si » que Keras ne fait jamais : MultiHeadAttention et GroupQueryAttention sont recalculées sans 1/√key_dim, les scores sont donc le q·k brut. La scène, la ligne d'état et la formule indiquent « pas Keras » tant que c'est activé.</translation>
        </message>
        <message>
            <source>Why MultiHeadAttention divides q·k by √key_dim: random unit-normal q and k at every key_dim from 1 to 1024, scored with (blue) and without (red) the scaling. The large dots are the current layer's own numbers.</source>
            <translation>Pourquoi MultiHeadAttention divise q·k par √key_dim : des q et k aléatoires de loi normale centrée réduite pour chaque key_dim de 1 à 1024, notés avec (bleu) et sans (rouge) la mise à l'échelle. Les gros points sont les nombres de la couche courante.</translation>
        </message>
        <message>
            <source>key_dim d</source>
            <translation>key_dim d</translation>
        </message>
        <message>
            <source>q·k (no scaling)</source>
            <translation>q·k (sans mise à l'échelle)</translation>
        </message>
        <message>
            <source>q·k / √d (Keras)</source>
            <translation>q·k / √d (Keras)</translation>
        </message>
        <message>
            <source>Each point: 64 rows of 16 keys, q and k drawn from N(0, 1) (seed 1). Without the scaling (red) the spread grows like √d and the softmax saturates: one weight near 1, entropy and gradient near 0. With it (blue) nothing depends on d.</source>
            <translation>Chaque point : 64 lignes de 16 clés, q et k tirés de N(0, 1) (graine 1). Sans la mise à l'échelle (rouge), la dispersion croît comme √d et le softmax sature : un poids proche de 1, entropie et gradient proches de 0. Avec elle (bleu), rien ne dépend de d.</translation>
        </message>
        <message>
            <source>This layer (key_dim %1): logits spread %2 scaled, %3 unscaled; largest weight %4 scaled, %5 unscaled.</source>
            <translation>Cette couche (key_dim %1) : dispersion des logits %2 avec mise à l'échelle, %3 sans ; plus grand poids %4 avec, %5 sans.</translation>
        </message>
        <message>
            <source>This layer has no dot-product scores to mark.</source>
            <translation>Cette couche n'a pas de scores de produit scalaire à marquer.</translation>
        </message>
        <message>
            <source>NOT KERAS: the stage now runs this layer without 1/√dₖ.</source>
            <translation>PAS KERAS : la scène exécute maintenant cette couche sans 1/√dₖ.</translation>
        </message>
        <message>
            <source>this layer, no scaling</source>
            <translation>cette couche, sans mise à l'échelle</translation>
        </message>
        <message>
            <source>this layer, scaled</source>
            <translation>cette couche, mise à l'échelle</translation>
        </message>
        <message>
            <source>The curves draw q and k from N(0, 1); this layer's q and k have standard deviations %1 and %2, so its logits spread about σ_q·σ_k·√d = %3·√d.</source>
            <translation>Les courbes tirent q et k de N(0, 1) ; les q et k de cette couche ont des écarts types %1 et %2, ses logits ont donc une dispersion d'environ σ_q·σ_k·√d = %3·√d.</translation>
        </message>
        <message>
            <source>That is less than the curves assume: its softmax is less saturated than theirs at the same d (a lower top weight, a higher entropy and gradient), with and without the scaling.</source>
            <translation>C'est moins que ce que supposent les courbes : son softmax est moins saturé que le leur au même d (un poids maximal plus faible, une entropie et un gradient plus élevés), avec et sans mise à l'échelle.</translation>
        </message>
        <message>
            <source>That is more than the curves assume: its softmax is more saturated than theirs at the same d.</source>
            <translation>C'est plus que ce que supposent les courbes : son softmax est plus saturé que le leur au même d.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupCarried</name>
        <message>
            <source>Keras' initializers from seed %1</source>
            <translation>Initialiseurs de Keras depuis la graine %1</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>couche %1 de %2</translation>
        </message>
        <message>
            <source>the opened spec</source>
            <translation>la spec ouverte</translation>
        </message>
        <message>
            <source>Weights: from %1</source>
            <translation>Poids : depuis %1</translation>
        </message>
        <message>
            <source>Weights: %1</source>
            <translation>Poids : %1</translation>
        </message>
        <message>
            <source>; edited: %1</source>
            <translation>; modifiés : %1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>The weights from %1 do not fit these settings and are kept aside (they are used again when the sizes fit): %2.</source>
            <translation>Les poids de %1 ne conviennent pas à ces réglages et sont mis de côté (ils sont réutilisés quand les tailles correspondent) : %2.</translation>
        </message>
        <message>
            <source>Edited %1 kept aside: not a weight of this shape now.</source>
            <translation>%1 modifié mis de côté : ce n'est plus un poids de cette forme.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupPanel</name>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; : %2</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>Couche</translation>
        </message>
        <message>
            <source>Sizes</source>
            <translation>Tailles</translation>
        </message>
        <message>
            <source>Masks</source>
            <translation>Masques</translation>
        </message>
        <message>
            <source>Dropout and seed</source>
            <translation>Dropout et graine</translation>
        </message>
        <message>
            <source>e.g. 3 4</source>
            <translation>p. ex. 3 4</translation>
        </message>
        <message>
            <source>Where the layer's weights come from: a weights file, a trained layer of a saved Keras model, Keras' initializers drawn from the seed, or edits in the Weights tab. Loaded weights that no longer fit the layer are kept aside, and used again when the sizes fit them.</source>
            <translation>D'où viennent les poids de la couche : un fichier de poids, une couche entraînée d'un modèle Keras enregistré, les initialiseurs de Keras tirés de la graine, ou des modifications dans l'onglet Poids. Les poids chargés qui ne conviennent plus à la couche sont mis de côté et réutilisés quand les tailles leur correspondent.</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>Abandonner</translation>
        </message>
        <message>
            <source>Stop using the masks that came with the spec</source>
            <translation>Ne plus utiliser les masques fournis avec la spec</translation>
        </message>
        <message>
            <source>Memory the trace of this setup needs (every intermediate kept), against the memory budget; larger setups are refused before anything is computed</source>
            <translation>La mémoire dont la trace de cette configuration a besoin (chaque intermédiaire conservé), face au budget mémoire ; les configurations plus grandes sont refusées avant tout calcul</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>Entrées</translation>
        </message>
        <message>
            <source>Random (from the seed)</source>
            <translation>Aléatoires (depuis la graine)</translation>
        </message>
        <message>
            <source>Typed sentence</source>
            <translation>Phrase saisie</translation>
        </message>
        <message>
            <source>Edit a table</source>
            <translation>Modifier une table</translation>
        </message>
        <message>
            <source>.npy files</source>
            <translation>Fichiers .npy</translation>
        </message>
        <message>
            <source>Standard-normal values drawn from the seed.</source>
            <translation>Des valeurs de loi normale centrée réduite tirées de la graine.</translation>
        </message>
        <message>
            <source>same as query (self-attention)</source>
            <translation>identique à la requête (auto-attention)</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Double-cliquez sur une cellule pour saisir une valeur ; la couche se recalcule aussitôt</translation>
        </message>
        <message>
            <source>The query input (Keras: &lt;code&gt;query&lt;/code&gt;), one row per position and batch row; double-click a cell to type a value.</source>
            <translation>L'entrée requête (Keras : &lt;code&gt;query&lt;/code&gt;), une ligne par position et par ligne du lot ; double-cliquez sur une cellule pour saisir une valeur.</translation>
        </message>
        <message>
            <source>The value input (Keras: &lt;code&gt;value&lt;/code&gt;, also the key when there is no key), one row per position and batch row.</source>
            <translation>L'entrée valeur (Keras : &lt;code&gt;value&lt;/code&gt;, aussi la clé quand il n'y a pas de clé), une ligne par position et par ligne du lot.</translation>
        </message>
        <message>
            <source>query</source>
            <translation>requête</translation>
        </message>
        <message>
            <source>value</source>
            <translation>valeur</translation>
        </message>
        <message>
            <source>Refill from the seed</source>
            <translation>Remplir à nouveau depuis la graine</translation>
        </message>
        <message>
            <source>Replace the table with the random inputs of the current seed</source>
            <translation>Remplacer la table par les entrées aléatoires de la graine courante</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>facultatif</translation>
        </message>
        <message>
            <source>path to .npy</source>
            <translation>chemin du .npy</translation>
        </message>
        <message>
            <source>A float32 or float64 .npy of shape [B, length, features]</source>
            <translation>Un .npy float32 ou float64 de forme [B, length, features]</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>Choose the %1 .npy file</source>
            <translation>Choisir le fichier .npy de %1</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>couche %1 de %2</translation>
        </message>
        <message>
            <source>%1 does not divide num_query_heads = %2. Valid choices: %3.</source>
            <translation>%1 ne divise pas num_query_heads = %2. Choix valides : %3.</translation>
        </message>
        <message>
            <source>the typed %1 sentence</source>
            <translation>la phrase %1 saisie</translation>
        </message>
        <message>
            <source>the edited %1 table</source>
            <translation>la table %1 modifiée</translation>
        </message>
        <message>
            <source>the spec's %1</source>
            <translation>le %1 de la spec</translation>
        </message>
        <message>
            <source>Trace: about %1 — over the %2 memory budget</source>
            <translation>Trace : environ %1 — au-delà du budget mémoire de %2</translation>
        </message>
        <message>
            <source>Trace: about %1 of the %2 memory budget</source>
            <translation>Trace : environ %1 sur un budget mémoire de %2</translation>
        </message>
        <message>
            <source>%1 is outside the %2 table (%3 rows × %4 columns); choose inputs=table first.</source>
            <translation>%1 est hors de la table %2 (%3 lignes × %4 colonnes) ; choisissez d'abord inputs=table.</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number.</source>
            <translation>%1 : « %2 » n'est pas un nombre.</translation>
        </message>
        <message>
            <source>%1 is one of %2. Received: %3</source>
            <translation>%1 est l'un de %2. Reçu : %3</translation>
        </message>
        <message>
            <source>, </source>
            <translation>, </translation>
        </message>
        <message>
            <source>%1 takes a whole number from %2 to %3. Received: %4</source>
            <translation>%1 prend un nombre entier de %2 à %3. Reçu : %4</translation>
        </message>
        <message>
            <source>%1 takes a number from %2 to %3. Received: %4</source>
            <translation>%1 prend un nombre de %2 à %3. Reçu : %4</translation>
        </message>
        <message>
            <source>%1 takes true or false. Received: %2</source>
            <translation>%1 prend true ou false. Reçu : %2</translation>
        </message>
        <message>
            <source>No setting “%1”; known: %2</source>
            <translation>Pas de réglage « %1 » ; connus : %2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>The spec's %1 no longer fit batch %2 × query %3 × source %4 and were dropped.</source>
            <translation>Les %1 de la spec ne correspondent plus au lot %2 × requête %3 × source %4 et ont été abandonnés.</translation>
        </message>
        <message>
            <source>per-batch query_mask</source>
            <translation>query_mask par lot</translation>
        </message>
        <message>
            <source>per-batch value_mask</source>
            <translation>value_mask par lot</translation>
        </message>
        <message>
            <source>From the spec: %1</source>
            <translation>Depuis la spec : %1</translation>
        </message>
        <message>
            <source>The query sentence is empty: type at least one word.</source>
            <translation>La phrase de la requête est vide : tapez au moins un mot.</translation>
        </message>
        <message>
            <source>Choose a .npy file for %1.</source>
            <translation>Choisissez un fichier .npy pour %1.</translation>
        </message>
        <message>
            <source>%1 was not read.</source>
            <translation>%1 n'a pas été lu.</translation>
        </message>
        <message>
            <source>(from the spec)</source>
            <translation>(depuis la spec)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StageView</name>
        <message>
            <source>Predict the result, then Reveal.</source>
            <translation>Prédisez le résultat, puis Révéler.</translation>
        </message>
        <message>
            <source>attnviz stage</source>
            <translation>scène attnviz</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StepTimeline</name>
        <message>
            <source>First step (Home)</source>
            <translation>Première étape (Début)</translation>
        </message>
        <message>
            <source>Previous step (Left)</source>
            <translation>Étape précédente (Gauche)</translation>
        </message>
        <message>
            <source>Play / pause (Space)</source>
            <translation>Lecture / pause (Espace)</translation>
        </message>
        <message>
            <source>Next step (Right)</source>
            <translation>Étape suivante (Droite)</translation>
        </message>
        <message>
            <source>Last step (End)</source>
            <translation>Dernière étape (Fin)</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>Vitesse de lecture</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Step 88 of 88</source>
            <translation>Étape 88 sur 88</translation>
        </message>
        <message>
            <source>The steps of the computation. Click one to jump there.</source>
            <translation>Les étapes du calcul. Cliquez sur l'une d'elles pour y aller.</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Vitesse :</translation>
        </message>
        <message>
            <source>No steps</source>
            <translation>Aucune étape</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>Étape %1 sur %2</translation>
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
            <translation>Σ ligne</translation>
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
            <translation>Révéler le motif attendu</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>Résiduelle (Add)</translation>
        </message>
        <message>
            <source>LayerNorm</source>
            <translation>LayerNorm</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>Lecture</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>Étape</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>Réinitialiser</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>Échelle log</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>Tâche</translation>
        </message>
        <message>
            <source>Said after training, so that you can predict it first</source>
            <translation>Dit après l'entraînement, pour que vous puissiez d'abord le prédire</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>Modèle</translation>
        </message>
        <message>
            <source>Every block trains this layer with these options: change them in Setup</source>
            <translation>Chaque bloc entraîne cette couche avec ces options : modifiez-les dans Configuration</translation>
        </message>
        <message>
            <source>Layer (Setup):</source>
            <translation>Couche (Configuration) :</translation>
        </message>
        <message>
            <source>Blocks:</source>
            <translation>Blocs :</translation>
        </message>
        <message>
            <source>Embed width:</source>
            <translation>Largeur du plongement :</translation>
        </message>
        <message>
            <source>Vocabulary:</source>
            <translation>Vocabulaire :</translation>
        </message>
        <message>
            <source>Length:</source>
            <translation>Longueur :</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>Lot :</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>Graine :</translation>
        </message>
        <message>
            <source>Adam's learning rate; change it while training and the next step uses it</source>
            <translation>Le taux d'apprentissage d'Adam ; changez-le pendant l'entraînement et l'étape suivante l'utilise</translation>
        </message>
        <message>
            <source>Learning rate:</source>
            <translation>Taux d'apprentissage :</translation>
        </message>
        <message>
            <source>a = Add()([x, attention(x)]): the block's input is added back</source>
            <translation>a = Add()([x, attention(x)]) : l'entrée du bloc est rajoutée</translation>
        </message>
        <message>
            <source>a = LayerNormalization(epsilon=1e-3)(a)</source>
            <translation>a = LayerNormalization(epsilon=1e-3)(a)</translation>
        </message>
        <message>
            <source>Play / pause training (Space)</source>
            <translation>Lancer / mettre en pause l'entraînement (Espace)</translation>
        </message>
        <message>
            <source>One update: a batch, its loss, the gradients, one Adam step</source>
            <translation>Une mise à jour : un lot, sa perte, les gradients, un pas d'Adam</translation>
        </message>
        <message>
            <source>Back to the initial weights: the same seed gives the same curve again</source>
            <translation>Retour aux poids initiaux : la même graine redonne la même courbe</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Vitesse :</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 pas/s</translation>
        </message>
        <message>
            <source>50 steps/s</source>
            <translation>50 pas/s</translation>
        </message>
        <message>
            <source>200 steps/s</source>
            <translation>200 pas/s</translation>
        </message>
        <message>
            <source>as fast as it goes</source>
            <translation>aussi vite que possible</translation>
        </message>
        <message>
            <source>Take it home</source>
            <translation>À emporter</translation>
        </message>
        <message>
            <source>Trained layer weights (weights.npz, for Setup)…</source>
            <translation>Poids de la couche entraînée (weights.npz, pour Configuration)…</translation>
        </message>
        <message>
            <source>The run as a train.json bundle…</source>
            <translation>L'exécution en paquet train.json…</translation>
        </message>
        <message>
            <source>Keras training script…</source>
            <translation>Script d'entraînement Keras…</translation>
        </message>
        <message>
            <source>PyTorch training script…</source>
            <translation>Script d'entraînement PyTorch…</translation>
        </message>
        <message>
            <source>Trained model as .keras…</source>
            <translation>Modèle entraîné en .keras…</translation>
        </message>
        <message>
            <source>step</source>
            <translation>étape</translation>
        </message>
        <message>
            <source>loss (cross-entropy)</source>
            <translation>perte (entropie croisée)</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>exactitude</translation>
        </message>
        <message>
            <source>Probe:</source>
            <translation>Sonde :</translation>
        </message>
        <message>
            <source>The example whose attention is drawn: token ids separated by spaces</source>
            <translation>L'exemple dont l'attention est dessinée : des identifiants de jetons séparés par des espaces</translation>
        </message>
        <message>
            <source>The probe's attention weights in every head of every block (rows: queries, columns: keys; 0–1 viridis)</source>
            <translation>Les poids d'attention de la sonde dans chaque tête de chaque bloc (lignes : requêtes, colonnes : clés ; 0–1 viridis)</translation>
        </message>
        <message>
            <source>‖gradient‖ of each weight (last step)</source>
            <translation>‖gradient‖ de chaque poids (dernière étape)</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>poids</translation>
        </message>
        <message>
            <source>‖g‖</source>
            <translation>‖g‖</translation>
        </message>
        <message>
            <source>At most %1 here: the small multiples stay readable and a step stays under a frame. Received: %2</source>
            <translation>Au plus %1 ici : les petits graphiques restent lisibles et une étape tient en moins d'une image. Reçu : %2</translation>
        </message>
        <message>
            <source>A task needs at least 2 tokens. Received: %1</source>
            <translation>Une tâche demande au moins 2 jetons. Reçu : %1</translation>
        </message>
        <message>
            <source>lookup needs a key, its value and a query: length 3 or more. Received: %1</source>
            <translation>lookup demande une clé, sa valeur et une requête : longueur 3 ou plus. Reçu : %1</translation>
        </message>
        <message>
            <source>lookup draws %1 distinct keys from the lower half of the vocabulary: it needs at least %2 tokens for length %3. Received: %4</source>
            <translation>lookup tire %1 clés distinctes de la moitié inférieure du vocabulaire : il lui faut au moins %2 jetons pour la longueur %3. Reçu : %4</translation>
        </message>
        <message>
            <source>lookup uses at most 128 tokens. Received: %1</source>
            <translation>lookup utilise au plus 128 jetons. Reçu : %1</translation>
        </message>
        <message>
            <source>induction repeats a first half: length 4 or more. Received: %1</source>
            <translation>induction répète une première moitié : longueur 4 ou plus. Reçu : %1</translation>
        </message>
        <message>
            <source>, called with use_causal_mask=True (the task is causal)</source>
            <translation>, appelée avec use_causal_mask=True (la tâche est causale)</translation>
        </message>
        <message>
            <source>unknown task '%1'; known: %2</source>
            <translation>tâche inconnue '%1' ; connues : %2</translation>
        </message>
        <message>
            <source>expected a number</source>
            <translation>nombre attendu</translation>
        </message>
        <message>
            <source>unknown setting; known: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</source>
            <translation>réglage inconnu ; connus : task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</translation>
        </message>
        <message>
            <source>expected an integer</source>
            <translation>entier attendu</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>Pause</translation>
        </message>
        <message>
            <source>Each token is an id from 0 to %1. Received: %2</source>
            <translation>Chaque jeton est un identifiant de 0 à %1. Reçu : %2</translation>
        </message>
        <message>
            <source>The probe needs %1 tokens (the model's length). Received: %2</source>
            <translation>La sonde demande %1 jetons (la longueur du modèle). Reçu : %2</translation>
        </message>
        <message>
            <source>no temporary folder</source>
            <translation>pas de dossier temporaire</translation>
        </message>
        <message>
            <source>attnviz-trace could not write the .keras file: %1</source>
            <translation>attnviz-trace n'a pas pu écrire le fichier .keras : %1</translation>
        </message>
        <message>
            <source>Trained layer weights</source>
            <translation>Poids de la couche entraînée</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>Archive NumPy (*.npz)</translation>
        </message>
        <message>
            <source>Folder for train.json and its data</source>
            <translation>Dossier pour train.json et ses données</translation>
        </message>
        <message>
            <source>Keras training script</source>
            <translation>Script d'entraînement Keras</translation>
        </message>
        <message>
            <source>PyTorch training script</source>
            <translation>Script d'entraînement PyTorch</translation>
        </message>
        <message>
            <source>Python (*.py)</source>
            <translation>Python (*.py)</translation>
        </message>
        <message>
            <source>Trained model</source>
            <translation>Modèle entraîné</translation>
        </message>
        <message>
            <source>Keras model (*.keras)</source>
            <translation>Modèle Keras (*.keras)</translation>
        </message>
        <message>
            <source>wrote %1</source>
            <translation>%1 écrit</translation>
        </message>
        <message>
            <source>could not write %1: %2</source>
            <translation>impossible d'écrire %1 : %2</translation>
        </message>
        <message>
            <source> · %1 steps/s</source>
            <translation> · %1 pas/s</translation>
        </message>
        <message>
            <source>not trained yet</source>
            <translation>pas encore entraîné</translation>
        </message>
        <message>
            <source>loss %1 · accuracy %2</source>
            <translation>perte %1 · exactitude %2</translation>
        </message>
        <message>
            <source>step %1 · %2%3</source>
            <translation>étape %1 · %2%3</translation>
        </message>
        <message>
            <source>The pattern to expect: %1. Compare it with the heads drawn here.</source>
            <translation>Le motif attendu : %1. Comparez-le aux têtes dessinées ici.</translation>
        </message>
        <message>
            <source>The pattern to expect is said after training: predict it first.</source>
            <translation>Le motif attendu est dit après l'entraînement : prédisez-le d'abord.</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::WeightsPanel</name>
        <message>
            <source>Keras name</source>
            <translation>Nom Keras</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>Forme</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>Paramètres</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>Origine</translation>
        </message>
        <message>
            <source>Initializer</source>
            <translation>Initialiseur</translation>
        </message>
        <message>
            <source>weights.npz key</source>
            <translation>clé dans weights.npz</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>Identité</translation>
        </message>
        <message>
            <source>Zeros</source>
            <translation>Zéros</translation>
        </message>
        <message>
            <source>Ones</source>
            <translation>Uns</translation>
        </message>
        <message>
            <source>Redraw from seed</source>
            <translation>Retirer depuis la graine</translation>
        </message>
        <message>
            <source>The identity matrix, where the weight viewed as (inputs × outputs) is square</source>
            <translation>La matrice identité, là où le poids vu comme (entrées × sorties) est carré</translation>
        </message>
        <message>
            <source>Keras' initializer, drawn from the setup's seed</source>
            <translation>L'initialiseur de Keras, tiré de la graine de la configuration</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>Double-cliquez sur une cellule pour saisir une valeur ; la couche se recalcule aussitôt</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>modifié</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt;: %n trainable weight(s), &lt;b&gt;%2&lt;/b&gt; parameters in all (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; : %n poids entraînable, &lt;b&gt;%2&lt;/b&gt; paramètres en tout (&lt;code&gt;layer.count_params()&lt;/code&gt; de Keras).</numerusform>
                <numerusform>&lt;b&gt;%1&lt;/b&gt; : %n poids entraînables, &lt;b&gt;%2&lt;/b&gt; paramètres en tout (&lt;code&gt;layer.count_params()&lt;/code&gt; de Keras).</numerusform>
            </translation>
        </message>
        <message>
            <source>The Transformer sub-layer's LayerNormalization adds %1 (a layer of its own).</source>
            <translation>La LayerNormalization de la sous-couche Transformer ajoute %1 (c'est une couche à part).</translation>
        </message>
        <message>
            <source>This layer has no weights with these settings (use_scale or score_mode="concat" give Attention its scalars).</source>
            <translation>Cette couche n'a pas de poids avec ces réglages (use_scale ou score_mode="concat" donnent à Attention ses scalaires).</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2, shown as %3 × %4 (rows: its inputs, columns: its outputs)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2, affiché en %3 × %4 (lignes : ses entrées, colonnes : ses sorties)</translation>
        </message>
        <message>
            <source>The identity matrix: this weight passes its input through unchanged</source>
            <translation>La matrice identité : ce poids transmet son entrée sans la changer</translation>
        </message>
        <message>
            <source>No identity: %1.</source>
            <translation>Pas d'identité : %1.</translation>
        </message>
        <message>
            <source>No weight is selected.</source>
            <translation>Aucun poids n'est sélectionné.</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>identité</translation>
        </message>
        <message>
            <source>zeros</source>
            <translation>zéros</translation>
        </message>
        <message>
            <source>ones</source>
            <translation>uns</translation>
        </message>
        <message>
            <source>redrawn from seed %1</source>
            <translation>retiré depuis la graine %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::stage</name>
        <message>
            <source>row %1 of the logits (%2)</source>
            <translation>ligne %1 des logits (%2)</translation>
        </message>
        <message>
            <source>max %1</source>
            <translation>max %1</translation>
        </message>
        <message>
            <source>exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1</source>
            <translation>exp(s − max) : soustraire le max de la ligne %1 pour que exp ne puisse pas déborder ; le plus grand devient 1</translation>
        </message>
        <message>
            <source>÷ Σ = %1: the row now sums to 1 — these are the weights of row %2</source>
            <translation>÷ Σ = %1 : la ligne somme maintenant à 1 — ce sont les poids de la ligne %2</translation>
        </message>
        <message>
            <source>The %1 largest weights, and the other %2 keys as one bar. </source>
            <translation>Les %1 plus grands poids, et les %2 autres clés en une seule barre. </translation>
        </message>
        <message>
            <source>%1 removes %2</source>
            <translation>%1 retire %2</translation>
        </message>
        <message>
            <source>A pair may attend only where every part keeps it (1): %1 of %2 cells here; %3.</source>
            <translation>Une paire ne peut porter attention que là où chaque partie la garde (1) : %1 cellules sur %2 ici ; %3.</translation>
        </message>
        <message>
            <source>Cell by cell: %1 = %2.</source>
            <translation>Cellule par cellule : %1 = %2.</translation>
        </message>
        <message>
            <source>A gate near 0 silences that channel of the head; near 1 it passes unchanged.</source>
            <translation>Une porte proche de 0 réduit ce canal de la tête au silence ; proche de 1, il passe inchangé.</translation>
        </message>
        <message>
            <source>Cannot animate this step: %1</source>
            <translation>Impossible d'animer cette étape : %1</translation>
        </message>
        <message>
            <source>Operands not available; showing the result only.</source>
            <translation>Opérandes indisponibles ; seul le résultat est affiché.</translation>
        </message>
        <message>
            <source>batch %1</source>
            <translation>lot %1</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>tête %1</translation>
        </message>
        <message>
            <source>The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. Keras folds this reshape into output_dense's einsum.</source>
            <translation>Les contextes des %1 têtes sont placés côte à côte : [%2, %3 × %4] → [%2, %5]. Keras intègre ce reshape dans l'einsum d'output_dense.</translation>
        </message>
        <message>
            <source>Every cell is multiplied by %1: %2 × %1 = %3.</source>
            <translation>Chaque cellule est multipliée par %1 : %2 × %1 = %3.</translation>
        </message>
        <message>
            <source>dropout →</source>
            <translation>dropout →</translation>
        </message>
        <message>
            <source>%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the expected sum stays the same. Training only.</source>
            <translation>%1 poids sur %2 supprimés (barrés) ; ceux qui restent sont multipliés par %3 pour que la somme attendue reste la même. Entraînement seulement.</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Chaque ligne est normalisée sur ses %1 caractéristiques : y = γ·(x − μ)/√(σ² + ε) + β.</translation>
        </message>
        <message>
            <source>broadcast from %1</source>
            <translation>diffusé depuis %1</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): their logits become a large negative number, so softmax gives them weight 0.</source>
            <translation>%1 cellules sur %2 sont masquées (masque = 0) : leurs logits deviennent un grand nombre négatif, le softmax leur donne donc un poids 0.</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): they are set to 0.</source>
            <translation>%1 cellules sur %2 sont masquées (masque = 0) : elles sont mises à 0.</translation>
        </message>
        <message>
            <source>where</source>
            <translation>où</translation>
        </message>
        <message>
            <source>… (%1 terms)</source>
            <translation>… (%1 termes)</translation>
        </message>
        <message>
            <source>bias %1</source>
            <translation>biais %1</translation>
        </message>
        <message>
            <source>Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).</source>
            <translation>Chaque cellule est un produit scalaire : une ligne de %1 par une colonne de %2 (%3 termes).</translation>
        </message>
        <message>
            <source>A Dense projection is one matrix product per token: x · W%1, all heads at once (the kernel is shown as a matrix of %2 × %3).</source>
            <translation>Une projection Dense est un produit matriciel par jeton : x · W%1, toutes les têtes à la fois (le noyau est affiché comme une matrice de %2 × %3).</translation>
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
            <translation>tête de requête %1 ← tête %2</translation>
        </message>
        <message>
            <source>query heads %1–%2 ← head %3</source>
            <translation>têtes de requête %1–%2 ← tête %3</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis: %4.</source>
            <translation>ops.repeat copie chacune des %1 têtes %2 %3 fois le long de l'axe des têtes : %4.</translation>
        </message>
        <message>
            <source>The selected query head %1 reads %2 head %3, shared with %4 other query head(s).</source>
            <translation>La tête de requête choisie %1 lit la tête %2 %3, partagée avec %4 autre(s) tête(s) de requête.</translation>
        </message>
        <message>
            <source>%1 others</source>
            <translation>%1 autres</translation>
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
            <translation>mise à l'échelle</translation>
        </message>
        <message>
            <source>%1 (scalar, shape %2)</source>
            <translation>%1 (scalaire, forme %2)</translation>
        </message>
        <message>
            <source> · tanh</source>
            <translation> · tanh</translation>
        </message>
        <message>
            <source>(the intermediate terms are not shown: this step's weights are not in the trace)</source>
            <translation>(les termes intermédiaires ne sont pas affichés : les poids de cette étape ne sont pas dans la trace)</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>lignes</translation>
        </message>
        <message>
            <source>columns</source>
            <translation>colonnes</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>de %1</translation>
        </message>
        <message>
            <source>in</source>
            <translation>entrée</translation>
        </message>
        <message>
            <source>head·unit</source>
            <translation>tête·unité</translation>
        </message>
        <message>
            <source>out</source>
            <translation>sortie</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>poids %1</translation>
        </message>
        <message>
            <source>… and the same for every other cell (%1 of %2)</source>
            <translation>… et de même pour chaque autre cellule (%1 sur %2)</translation>
        </message>
        <message>
            <source>No step to show</source>
            <translation>Aucune étape à afficher</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: row %2 has mean μ = %3 and σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>Chaque ligne est normalisée sur ses %1 caractéristiques : la ligne %2 a la moyenne μ = %3 et σ = %4 ; y = γ·(x − μ)/√(σ² + ε) + β.</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>attnviz: --set %1: %2</source>
            <translation>attnviz : --set %1 : %2</translation>
        </message>
        <message>
            <source>expected NAME=VALUE</source>
            <translation>NOM=VALEUR attendu</translation>
        </message>
        <message>
            <source>attnviz: --lang: %1</source>
            <translation>attnviz : --lang : %1</translation>
        </message>
        <message>
            <source>Step through Keras' attention layers.</source>
            <translation>Parcourir pas à pas les couches d'attention de Keras.</translation>
        </message>
        <message>
            <source>Render the window offscreen to a PNG and exit.</source>
            <translation>Dessiner la fenêtre hors écran dans un PNG et quitter.</translation>
        </message>
        <message>
            <source>The spec.json to load.</source>
            <translation>Le spec.json à charger.</translation>
        </message>
        <message>
            <source>The step to show (its key, e.g. weights).</source>
            <translation>L'étape à afficher (sa clé, p. ex. weights).</translation>
        </message>
        <message>
            <source>Window size for --screenshot.</source>
            <translation>Taille de la fenêtre pour --screenshot.</translation>
        </message>
        <message>
            <source>With --screenshot: the view to show, one of %1 (default: stage).</source>
            <translation>Avec --screenshot : la vue à afficher, l'une de %1 (par défaut : stage).</translation>
        </message>
        <message>
            <source>Start in presentation mode.</source>
            <translation>Démarrer en mode présentation.</translation>
        </message>
        <message>
            <source>Measure recompute and repaint times, then exit.</source>
            <translation>Mesurer les temps de recalcul et de redessin, puis quitter.</translation>
        </message>
        <message>
            <source>Where the session autosave lives (default: $ATTNVIZ_STATE_DIR, else the app data folder).</source>
            <translation>L'emplacement de la sauvegarde automatique de session (par défaut : $ATTNVIZ_STATE_DIR, sinon le dossier de données de l'application).</translation>
        </message>
        <message>
            <source>Set a setup field after start, as if typed: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Repeatable.</source>
            <translation>Régler un champ de configuration après le démarrage, comme s'il était saisi : heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Répétable.</translation>
        </message>
        <message>
            <source>With --lesson: the slide to show (1-based).</source>
            <translation>Avec --lesson : la diapositive à afficher (à partir de 1).</translation>
        </message>
        <message>
            <source>With --lesson --screenshot: reveal the question.</source>
            <translation>Avec --lesson --screenshot : révéler la question.</translation>
        </message>
        <message>
            <source>With --lesson: render every slide and the answers into a PDF and exit.</source>
            <translation>Avec --lesson : rendre chaque diapositive et les réponses dans un PDF et quitter.</translation>
        </message>
        <message>
            <source>Refuse setups whose trace needs more memory (e.g. 512M, 8G; default 4G).</source>
            <translation>Refuser les configurations dont la trace demande plus de mémoire (p. ex. 512M, 8G ; par défaut 4G).</translation>
        </message>
        <message>
            <source>Threads for computing traces (0: every core; default: the compute/threads setting, else every core). The numbers do not depend on it.</source>
            <translation>Threads de calcul des traces (0 : tous les cœurs ; par défaut : le réglage compute/threads, sinon tous les cœurs). Les nombres n'en dépendent pas.</translation>
        </message>
        <message>
            <source>Colour probability steps from 0 to their top (largest value, or 99.5th percentile of 1000 or more) instead of 0–1.</source>
            <translation>Colorer les étapes de probabilité de 0 à leur sommet (plus grande valeur, ou 99,5e centile à partir de 1000 valeurs) au lieu de 0–1.</translation>
        </message>
        <message>
            <source>The language of the window: en, de, fr, es or zh_CN (default: View ▸ Language, else the system's).</source>
            <translation>La langue de la fenêtre : en, de, fr, es ou zh_CN (par défaut : Affichage ▸ Langue, sinon celle du système).</translation>
        </message>
        <message>
            <source>attnviz: --threads must be a number from 0 to 256. Received: %1</source>
            <translation>attnviz : --threads doit être un nombre de 0 à 256. Reçu : %1</translation>
        </message>
        <message>
            <source>attnviz: --max-memory must be a positive size such as 512M, 1.5G or 8G (K, M, G, T are powers of 1024). Received: %1</source>
            <translation>attnviz : --max-memory doit être une taille positive comme 512M, 1.5G ou 8G (K, M, G, T sont des puissances de 1024). Reçu : %1</translation>
        </message>
        <message>
            <source>attnviz: --slide must be a slide number from 1. Received: %1</source>
            <translation>attnviz : --slide doit être un numéro de diapositive à partir de 1. Reçu : %1</translation>
        </message>
        <message>
            <source>attnviz: --size must be WxH, e.g. 1280x800. Received: %1</source>
            <translation>attnviz : --size doit être LxH, p. ex. 1280x800. Reçu : %1</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz : impossible d'utiliser %1 : %2</translation>
        </message>
        <message>
            <source>With --lesson: a student's worksheet PDF (operands, questions, room to answer; no results, no answers) and exit.</source>
            <translation>Avec --lesson : une fiche d'exercices PDF pour l'élève (opérandes, questions, place pour répondre ; ni résultats ni réponses) puis quitter.</translation>
        </message>
        <message>
            <source>With --lesson: the teacher's answer key PDF (the class plan with each slide's minutes, presenter notes, answers with their reasoning) and exit.</source>
            <translation>Avec --lesson : le corrigé PDF de l'enseignant (le plan de séance avec les minutes de chaque diapositive, les notes, les réponses et leur justification) puis quitter.</translation>
        </message>
        <message>
            <source>attnviz: --%1 needs --lesson FILE</source>
            <translation>attnviz : --%1 nécessite --lesson FICHIER</translation>
        </message>
        <message>
            <source>Open this lesson: a Markdown file (see the README), or a bundled lesson by number (2) or name (02-why-scale).</source>
            <translation>Ouvrir cette leçon : un fichier Markdown (voir le README), ou une leçon fournie par son numéro (2) ou son nom (02-why-scale).</translation>
        </message>
        <message>
            <source>A spec to open (as --spec), or a lesson when it ends in .md (as --lesson).</source>
            <translation>Une spec à ouvrir (comme --spec), ou une leçon si le nom finit par .md (comme --lesson).</translation>
        </message>
        <message>
            <source>attnviz: give one FILE, or --spec / --lesson. Received: %1</source>
            <translation>attnviz : donnez un seul FICHIER, ou --spec / --lesson. Reçu : %1</translation>
        </message>
        <message>
            <source>With --screenshot: train the Train view this many steps first (--view train shows it; another view shows the trained layer on the probe).</source>
            <translation>Avec --screenshot : entraîner d'abord la vue Entraîner ce nombre de pas (--view train l'affiche ; une autre vue montre la couche entraînée sur la sonde).</translation>
        </message>
        <message>
            <source>With --screenshot --view train: the task (copy, reverse, copy_previous, max, sort, lookup, induction).</source>
            <translation>Avec --screenshot --view train : la tâche (copy, reverse, copy_previous, max, sort, lookup, induction).</translation>
        </message>
        <message>
            <source>attnviz: --train-steps must be 0 to 1000000. Received: %1</source>
            <translation>attnviz : --train-steps doit être de 0 à 1000000. Reçu : %1</translation>
        </message>
    </context>
</TS>
