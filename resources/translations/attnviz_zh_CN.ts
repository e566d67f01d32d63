<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
    <context>
        <name>AxisName</name>
        <message>
            <source>batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>head</source>
            <translation>头</translation>
        </message>
        <message>
            <source>query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>source</source>
            <translation>源</translation>
        </message>
        <message>
            <source>feature</source>
            <translation>特征</translation>
        </message>
    </context>
    <context>
        <name>Controller</name>
        <message>
            <source>Out of memory while computing the trace. Use smaller sizes.</source>
            <translation>计算轨迹时内存不足。请使用更小的尺寸。</translation>
        </message>
    </context>
    <context>
        <name>CoreFormula</name>
        <message>
            <source>where</source>
            <translation>其中</translation>
        </message>
        <message>
            <source>if</source>
            <translation>若</translation>
        </message>
        <message>
            <source>else</source>
            <translation>否则</translation>
        </message>
        <message>
            <source>not Keras: Keras uses</source>
            <translation>不是 Keras：Keras 使用</translation>
        </message>
    </context>
    <context>
        <name>CoreText</name>
        <message>
            <source>Received: %1</source>
            <translation>收到的是：%1</translation>
        </message>
        <message>
            <source>%1 must be a positive integer. Received: %2</source>
            <translation>%1 必须是正整数。收到的是：%2</translation>
        </message>
        <message>
            <source>%1 must be a positive integer or None. Received: %2</source>
            <translation>%1 必须是正整数或 None。收到的是：%2</translation>
        </message>
        <message>
            <source>`sliding_window` must be `None` or a positive integer. Received: %1</source>
            <translation>`sliding_window` 必须是 `None` 或正整数。收到的是：%1</translation>
        </message>
        <message>
            <source>`num_query_heads` must be divisible by `num_key_value_heads`: with num_query_heads=%1, num_key_value_heads may be %2. Received: %3</source>
            <translation>`num_query_heads` 必须能被 `num_key_value_heads` 整除：当 num_query_heads=%1 时，num_key_value_heads 可以是 %2。收到的是：%3</translation>
        </message>
        <message>
            <source>GroupQueryAttention has no value_dim or output_shape: values use head_dim and the output has the query's width.</source>
            <translation>GroupQueryAttention 没有 value_dim 和 output_shape：值使用 head_dim，输出与查询同宽。</translation>
        </message>
        <message>
            <source>The Transformer sub-layer (Add &amp; LayerNormalization) follows MultiHeadAttention only.</source>
            <translation>Transformer 子层（Add &amp; LayerNormalization）只能接在 MultiHeadAttention 之后。</translation>
        </message>
        <message>
            <source>%1 has no use_gate argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 没有 use_gate 参数；MultiHeadAttention 和 GroupQueryAttention 才有。</translation>
        </message>
        <message>
            <source>%1 has no sliding_window argument; MultiHeadAttention and GroupQueryAttention have.</source>
            <translation>%1 没有 sliding_window 参数；MultiHeadAttention 和 GroupQueryAttention 才有。</translation>
        </message>
        <message>
            <source>dropout must be a rate in [0, 1). Received: %1</source>
            <translation>dropout 必须是 [0, 1) 内的比率。收到的是：%1</translation>
        </message>
        <message>
            <source>The batch size must be positive. Received: %1</source>
            <translation>批次大小必须为正。收到的是：%1</translation>
        </message>
        <message>
            <source>The query length must be positive. Received: %1</source>
            <translation>查询长度必须为正。收到的是：%1</translation>
        </message>
        <message>
            <source>The source length must be positive. Received: %1</source>
            <translation>源长度必须为正。收到的是：%1</translation>
        </message>
        <message>
            <source>The %1 must be a rank-3 tensor %2. Received: %3</source>
            <translation>%1 必须是 3 阶张量 %2。收到的是：%3</translation>
        </message>
        <message>
            <source>The %1 must have shape %2 %3. Received: %4</source>
            <translation>%1 的形状必须为 %2 %3。收到的是：%4</translation>
        </message>
        <message>
            <source>The %1 is empty: every dimension must be at least 1. Received: %2</source>
            <translation>%1 为空：每个维度至少为 1。收到的是：%2</translation>
        </message>
        <message>
            <source>The value's batch size must match the query's (%1). Received: %2</source>
            <translation>值的批次大小必须与查询一致（%1）。收到的是：%2</translation>
        </message>
        <message>
            <source>The key's batch size must match the query's (%1). Received: %2</source>
            <translation>键的批次大小必须与查询一致（%1）。收到的是：%2</translation>
        </message>
        <message>
            <source>key and value must have the same length (source_len = %1). Received: %2</source>
            <translation>key 和 value 的长度必须相同（source_len = %1）。收到的是：%2</translation>
        </message>
        <message>
            <source>There must be one query token per query row (%1). Received: %2</source>
            <translation>每个查询行必须对应一个查询词元（%1）。收到的是：%2</translation>
        </message>
        <message>
            <source>There must be one source token per value row (%1). Received: %2</source>
            <translation>每个值行必须对应一个源词元（%1）。收到的是：%2</translation>
        </message>
        <message>
            <source>%1 has no projections, so the query and the %2 must have the same last dimension. Received: %3</source>
            <translation>%1 没有投影，因此查询和%2的最后一维必须相同。收到的是：%3</translation>
        </message>
        <message>
            <source>value (used as key)</source>
            <translation>值（用作键）</translation>
        </message>
        <message>
            <source>The residual Add needs the output width to equal the query width (%1). Received: %2</source>
            <translation>残差 Add 要求输出宽度等于查询宽度（%1）。收到的是：%2</translation>
        </message>
        <message>
            <source>%1 takes masks [query_mask, value_mask] only; key_mask is a MultiHeadAttention and GroupQueryAttention argument.</source>
            <translation>%1 只接受掩码 [query_mask, value_mask]；key_mask 是 MultiHeadAttention 和 GroupQueryAttention 的参数。</translation>
        </message>
        <message>
            <source>%1 has no attention_mask argument; use value_mask and use_causal_mask, or MultiHeadAttention.</source>
            <translation>%1 没有 attention_mask 参数；请使用 value_mask 和 use_causal_mask，或改用 MultiHeadAttention。</translation>
        </message>
        <message>
            <source>The attention_mask must have shape (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>attention_mask 的形状必须为 (query_len, source_len) = %1、(batch, query_len, source_len) = %2 或 (batch, %3, query_len, source_len) = %4。收到的是：%5</translation>
        </message>
        <message>
            <source>The attention_mask must have rank 2, 3 or 4: (query_len, source_len) = %1, (batch, query_len, source_len) = %2 or (batch, %3, query_len, source_len) = %4. Received: %5</source>
            <translation>attention_mask 的阶必须为 2、3 或 4：(query_len, source_len) = %1、(batch, query_len, source_len) = %2 或 (batch, %3, query_len, source_len) = %4。收到的是：%5</translation>
        </message>
        <message>
            <source>The attention_mask's head axis must be %1 (%2) or 1: (query_len, source_len) = %3, (batch, query_len, source_len) = %4 or (batch, %5, query_len, source_len) = %6. Received: %7</source>
            <translation>attention_mask 的头轴必须为 %1（%2）或 1：(query_len, source_len) = %3、(batch, query_len, source_len) = %4 或 (batch, %5, query_len, source_len) = %6。收到的是：%7</translation>
        </message>
        <message>
            <source>This layer's trace would need about %1 of memory, more than the limit of %2. Use smaller sizes (or raise --max-memory).</source>
            <translation>此层的轨迹大约需要 %1 内存，超过了 %2 的上限。请使用更小的尺寸（或提高 --max-memory）。</translation>
        </message>
        <message>
            <source>The weights file has no '%1', which %2 owns with these settings (shape %3).</source>
            <translation>权重文件中没有“%1”，而在这些设置下 %2 拥有该权重（形状 %3）。</translation>
        </message>
        <message>
            <source>Nothing is initialised when a weights file is given.</source>
            <translation>给出权重文件时，不会初始化任何权重。</translation>
        </message>
        <message>
            <source>Unexpected weight '%1' in the weights for %2 with these settings.</source>
            <translation>在这些设置下，%2 的权重中出现了意外的权重“%1”。</translation>
        </message>
        <message>
            <source>Expected: %1.</source>
            <translation>应为：%1。</translation>
        </message>
        <message>
            <source>no weights</source>
            <translation>没有权重</translation>
        </message>
        <message>
            <source>Weight '%1' must have shape %2. Received: %3</source>
            <translation>权重“%1”的形状必须为 %2。收到的是：%3</translation>
        </message>
        <message>
            <source>Query input</source>
            <translation>查询输入</translation>
        </message>
        <message>
            <source>Key input</source>
            <translation>键输入</translation>
        </message>
        <message>
            <source>Value input</source>
            <translation>值输入</translation>
        </message>
        <message>
            <source>Project queries</source>
            <translation>投影查询</translation>
        </message>
        <message>
            <source>Project keys</source>
            <translation>投影键</translation>
        </message>
        <message>
            <source>Project values</source>
            <translation>投影值</translation>
        </message>
        <message>
            <source>Scale queries</source>
            <translation>缩放查询</translation>
        </message>
        <message>
            <source>Scores</source>
            <translation>分数</translation>
        </message>
        <message>
            <source>Mask scores</source>
            <translation>掩码分数</translation>
        </message>
        <message>
            <source>Softmax weights</source>
            <translation>Softmax 权重</translation>
        </message>
        <message>
            <source>Dropout</source>
            <translation>Dropout</translation>
        </message>
        <message>
            <source>Weighted sum of values</source>
            <translation>值的加权和</translation>
        </message>
        <message>
            <source>Concatenate heads</source>
            <translation>拼接各头</translation>
        </message>
        <message>
            <source>Output</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>残差（Add）</translation>
        </message>
        <message>
            <source>Layer normalization</source>
            <translation>层归一化</translation>
        </message>
        <message>
            <source>Project the query</source>
            <translation>投影查询</translation>
        </message>
        <message>
            <source>Project the key</source>
            <translation>投影键</translation>
        </message>
        <message>
            <source>Project the value</source>
            <translation>投影值</translation>
        </message>
        <message>
            <source>query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>key</source>
            <translation>键</translation>
        </message>
        <message>
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Repeat the %1 heads</source>
            <translation>重复%1头</translation>
        </message>
        <message>
            <source>Scale the query by 1/√%1</source>
            <translation>将查询乘以 1/√%1</translation>
        </message>
        <message>
            <source>Not Keras: the query left unscaled (no 1/√%1)</source>
            <translation>不是 Keras：查询未缩放（没有 1/√%1）</translation>
        </message>
        <message>
            <source>Dot-product scores</source>
            <translation>点积分数</translation>
        </message>
        <message>
            <source>Dot products</source>
            <translation>点积</translation>
        </message>
        <message>
            <source>Scale the scores</source>
            <translation>缩放分数</translation>
        </message>
        <message>
            <source>Concat scores: Σ tanh(q + k)</source>
            <translation>concat 分数：Σ tanh(q + k)</translation>
        </message>
        <message>
            <source>Additive scores: Σ scale·tanh(q + k)</source>
            <translation>加性分数：Σ scale·tanh(q + k)</translation>
        </message>
        <message>
            <source>Mask part: padding</source>
            <translation>掩码组成：填充</translation>
        </message>
        <message>
            <source>Mask part: causal</source>
            <translation>掩码组成：因果</translation>
        </message>
        <message>
            <source>Mask part: sliding window</source>
            <translation>掩码组成：滑动窗口</translation>
        </message>
        <message>
            <source>Mask part: attention_mask</source>
            <translation>掩码组成：attention_mask</translation>
        </message>
        <message>
            <source>The attention mask</source>
            <translation>注意力掩码</translation>
        </message>
        <message>
            <source>The score mask</source>
            <translation>分数掩码</translation>
        </message>
        <message>
            <source>The query mask</source>
            <translation>查询掩码</translation>
        </message>
        <message>
            <source>Apply the mask</source>
            <translation>应用掩码</translation>
        </message>
        <message>
            <source>Softmax: attention weights</source>
            <translation>Softmax：注意力权重</translation>
        </message>
        <message>
            <source>Dropout on the weights</source>
            <translation>对权重做 dropout</translation>
        </message>
        <message>
            <source>The gate</source>
            <translation>门</translation>
        </message>
        <message>
            <source>Gate the context</source>
            <translation>对上下文施加门控</translation>
        </message>
        <message>
            <source>Concatenate the heads</source>
            <translation>拼接各头</translation>
        </message>
        <message>
            <source>Output projection</source>
            <translation>输出投影</translation>
        </message>
        <message>
            <source>Residual connection (Add)</source>
            <translation>残差连接（Add）</translation>
        </message>
        <message>
            <source>Zero the masked query rows</source>
            <translation>将被掩码的查询行置零</translation>
        </message>
        <message>
            <source>The sequence that asks: one row of features per query position.</source>
            <translation>提问的序列：每个查询位置一行特征。</translation>
        </message>
        <message>
            <source>Each query position will produce one output row.</source>
            <translation>每个查询位置都会产生一行输出。</translation>
        </message>
        <message>
            <source>The sequence that is searched: its projected rows are compared with every query.</source>
            <translation>被检索的序列：它投影后的每一行都与每个查询比较。</translation>
        </message>
        <message>
            <source>The sequence whose (projected) rows are mixed into the output.</source>
            <translation>其（投影后的）行被混合进输出的序列。</translation>
        </message>
        <message>
            <source>No key was given, so Keras uses the value as the key too (key := value).</source>
            <translation>没有给出键，因此 Keras 也把值用作键（key := value）。</translation>
        </message>
        <message>
            <source>The sequence that is attended to.</source>
            <translation>被关注的序列。</translation>
        </message>
        <message>
            <source>The sequence that asks.</source>
            <translation>提问的序列。</translation>
        </message>
        <message>
            <source>These layers have no projections: the query is compared with the keys exactly as given, so query and key need the same width.</source>
            <translation>这些层没有投影：查询按原样与键比较，因此查询和键必须具有相同的宽度。</translation>
        </message>
        <message>
            <source>The sequence compared with every query.</source>
            <translation>与每个查询进行比较的序列。</translation>
        </message>
        <message>
            <source>The rows that are mixed into the output.</source>
            <translation>被混合进输出的那些行。</translation>
        </message>
        <message>
            <source>No key was given, so the value is also the key (key := value).</source>
            <translation>没有给出键，因此值同时也是键（key := value）。</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to N heads of key_dim numbers each.</source>
            <translation>一个 EinsumDense 层把每个查询向量映射为 N 个头，每个头 key_dim 个数。</translation>
        </message>
        <message>
            <source>Each head gets its own slice of the kernel, so the heads can learn to look for different things.</source>
            <translation>每个头都有自己的一片核权重，因此不同的头可以学会寻找不同的东西。</translation>
        </message>
        <message>
            <source>The same kind of projection for the keys: each source position becomes N heads of key_dim numbers, in the same space as the projected queries so they can be compared.</source>
            <translation>对键做同样的投影：每个源位置变成 N 个头，每个头 key_dim 个数，与投影后的查询处于同一空间，因而可以相互比较。</translation>
        </message>
        <message>
            <source>The values are projected to N heads of value_dim numbers.</source>
            <translation>值被投影为 N 个头，每个头 value_dim 个数。</translation>
        </message>
        <message>
            <source>These are what gets mixed: attention decides how much of each source position's value flows to each query.</source>
            <translation>被混合的正是这些值：注意力决定每个源位置的值有多少流向每个查询。</translation>
        </message>
        <message>
            <source>An EinsumDense layer maps every query vector to %1 query heads of head_dim = %2 numbers each; each head has its own slice of the kernel.</source>
            <translation>一个 EinsumDense 层把每个查询向量映射为 %1 个查询头，每个头 head_dim = %2 个数；每个头都有自己的一片核权重。</translation>
        </message>
        <message>
            <source>The keys get only num_key_value_heads = %1 heads (not %2): that is the point of grouped-query attention.</source>
            <translation>键只有 num_key_value_heads = %1 个头（而不是 %2 个）：这正是分组查询注意力的要点。</translation>
        </message>
        <message>
            <source>Fewer key heads mean a smaller kernel and a smaller key cache when generating text.</source>
            <translation>键头越少，核权重越小，生成文本时的键缓存也越小。</translation>
        </message>
        <message>
            <source>The values, like the keys, get %1 heads of head_dim numbers.</source>
            <translation>值和键一样，有 %1 个头，每个头 head_dim 个数。</translation>
        </message>
        <message>
            <source>Each one will be shared by a group of %1 query heads.</source>
            <translation>每个值头将由一组 %1 个查询头共享。</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis, so there is one per query head: query head n reads %4 head n // %5 (heads 0..%6 read head 0, and so on).</source>
            <translation>ops.repeat 沿头轴把 %1 个%2头中的每一个复制 %3 次，使每个查询头都有一个对应：查询头 n 读取%4头 n // %5（头 0..%6 读取头 0，依此类推）。</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads is plain multi-head attention (every query head has its own key and value head); num_key_value_heads = 1 is multi-query attention (MQA: all query heads share one key and one value head); in between, each group of query heads shares one.</source>
            <translation>num_key_value_heads = num_query_heads 就是普通的多头注意力（每个查询头都有自己的键头和值头）；num_key_value_heads = 1 是多查询注意力（MQA：所有查询头共享一个键头和一个值头）；介于两者之间时，每组查询头共享一个。</translation>
        </message>
        <message>
            <source>Here Nkv = Nq = %1: multi-head attention.</source>
            <translation>这里 Nkv = Nq = %1：多头注意力。</translation>
        </message>
        <message>
            <source>Here Nkv = 1: multi-query attention.</source>
            <translation>这里 Nkv = 1：多查询注意力。</translation>
        </message>
        <message>
            <source>Here %1 query heads form %2 groups of %3.</source>
            <translation>这里 %1 个查询头组成 %2 组，每组 %3 个。</translation>
        </message>
        <message>
            <source>Here the key and value projections have %1 parameters instead of %2 for %3 key/value heads, and a KV cache holds %4 numbers per token instead of %5 (%6 KiB instead of %7 KiB in float32, per token and layer): %8 % less.</source>
            <translation>这里键和值投影共有 %1 个参数，而 %3 个键/值头时为 %2 个；KV 缓存每个词元存 %4 个数，而不是 %5 个（float32 下每个词元每层 %6 KiB 而不是 %7 KiB）：少 %8 %。</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√key_dim before the dot product, so that scores do not grow with key_dim and the softmax does not saturate.</source>
            <translation>Keras 在点积之前把投影后的查询乘以 1/√key_dim，使分数不随 key_dim 增大，softmax 也不会饱和。</translation>
        </message>
        <message>
            <source>Keras multiplies the projected query by 1/√head_dim before the dot product, so that scores do not grow with head_dim and the softmax does not saturate.</source>
            <translation>Keras 在点积之前把投影后的查询乘以 1/√head_dim，使分数不随 head_dim 增大，softmax 也不会饱和。</translation>
        </message>
        <message>
            <source>Note: it is key_dim, not the query width divided by the number of heads.</source>
            <translation>注意：用的是 key_dim，而不是查询宽度除以头数。</translation>
        </message>
        <message>
            <source>NOT KERAS — a what-if from the 1/√dₖ lab: Keras multiplies the projected query by 1/√%1 = %2 here; this trace multiplies by 1, so the scores are the raw q·k, they grow like √%3 and the softmax saturates.</source>
            <translation>不是 KERAS —— 来自 1/√dₖ 实验室的假设情形：Keras 在这里会把投影后的查询乘以 1/√%1 = %2；本轨迹乘以 1，因此分数就是原始的 q·k，它们按 √%3 增长，softmax 随之饱和。</translation>
        </message>
        <message>
            <source>For every head, each scaled query is compared with every key by a dot product.</source>
            <translation>在每个头中，每个缩放后的查询都通过点积与每个键比较。</translation>
        </message>
        <message>
            <source>A large score means 'this source position matches what this query looks for'.</source>
            <translation>分数大意味着“这个源位置与该查询要找的东西相匹配”。</translation>
        </message>
        <message>
            <source>These are raw logits, before any mask.</source>
            <translation>这些是原始 logits，尚未施加任何掩码。</translation>
        </message>
        <message>
            <source>Query heads of the same group compare against the same (repeated) key head.</source>
            <translation>同一组的查询头与同一个（复制出的）键头比较。</translation>
        </message>
        <message>
            <source>Each query is compared with every key by a plain dot product.</source>
            <translation>每个查询都通过普通点积与每个键比较。</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention there is no 1/√d factor and no projection.</source>
            <translation>与 MultiHeadAttention 不同，这里没有 1/√d 因子，也没有投影。</translation>
        </message>
        <message>
            <source>A large score means this key matches this query.</source>
            <translation>分数大意味着这个键与该查询相匹配。</translation>
        </message>
        <message>
            <source>With use_scale=True, Attention learns one scalar that multiplies every score (initialised to 1).</source>
            <translation>当 use_scale=True 时，Attention 学习一个乘到每个分数上的标量（初始化为 1）。</translation>
        </message>
        <message>
            <source>It plays the role of a learned temperature.</source>
            <translation>它起到可学习温度的作用。</translation>
        </message>
        <message>
            <source>score_mode="concat": each query is added to each key feature by feature, squashed by tanh and summed, then multiplied by one learned scalar (concat_score_weight).</source>
            <translation>score_mode="concat"：每个查询与每个键按特征逐一相加，经 tanh 压缩后求和，再乘以一个可学习的标量（concat_score_weight）。</translation>
        </message>
        <message>
            <source>The scalar scale multiplies q + k inside the tanh.</source>
            <translation>标量 scale 在 tanh 内部乘以 q + k。</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features.</source>
            <translation>Bahdanau 式：每个查询与每个键按特征逐一相加并经 tanh 压缩，然后在特征上求和。</translation>
        </message>
        <message>
            <source>Bahdanau-style: each query is added to each key feature by feature and squashed by tanh, then summed over features, each feature weighted by the learned vector scale (outside the tanh).</source>
            <translation>Bahdanau 式：每个查询与每个键按特征逐一相加并经 tanh 压缩，然后在特征上求和，每个特征由可学习的向量 scale 加权（在 tanh 之外）。</translation>
        </message>
        <message>
            <source>Keras adds the inputs directly: there are no W₁q + W₂k projections as in the paper.</source>
            <translation>Keras 直接把输入相加：没有论文中的 W₁q + W₂k 投影。</translation>
        </message>
        <message>
            <source>The padding masks (%1), broadcast to one boolean per (query, source) pair: 0 where a query row or a source column is padding.</source>
            <translation>填充掩码（%1）广播为每个（查询，源）对一个布尔值：查询行或源列为填充处为 0。</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask)</source>
            <translation>query_mask（查询的 Keras 掩码）</translation>
        </message>
        <message>
            <source>query_mask (the query's Keras mask) &amp; %1</source>
            <translation>query_mask（查询的 Keras 掩码）&amp; %1</translation>
        </message>
        <message>
            <source>use_causal_mask=True: query t may see source positions s ≤ t only (counted from the top-left corner, also when query and source lengths differ).</source>
            <translation>use_causal_mask=True：查询 t 只能看到 s ≤ t 的源位置（从左上角开始计数，查询长度与源长度不同时也是如此）。</translation>
        </message>
        <message>
            <source>sliding_window=%1 keeps the band |t − s| &lt; %2: each query sees at most %3 positions on either side of its own.</source>
            <translation>sliding_window=%1 保留 |t − s| &lt; %2 的带状区域：每个查询在自身两侧最多各看到 %3 个位置。</translation>
        </message>
        <message>
            <source>AND-ed with the causal mask it is the causal band Mistral uses: each position sees itself and the %1 before it.</source>
            <translation>与因果掩码做 AND 后，就是 Mistral 使用的因果带：每个位置看到自己以及它之前的 %1 个位置。</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), one mask per head.</source>
            <translation>你给出的 attention_mask，转换为 bool（非零即 True），每个头一个掩码。</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every batch row and head.</source>
            <translation>你给出的 attention_mask，转换为 bool（非零即 True），对每个批次行和每个头都相同。</translation>
        </message>
        <message>
            <source>The attention_mask you gave, cast to bool (nonzero is True), the same for every head.</source>
            <translation>你给出的 attention_mask，转换为 bool（非零即 True），对每个头都相同。</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, one per head (the attention_mask has a head axis); 1 means 'may attend'.</source>
            <translation>Keras 用 AND 把所有掩码来源合并成每个（查询，源）对一个布尔值，每个头一个（attention_mask 带有头轴）；1 表示“可以关注”。</translation>
        </message>
        <message>
            <source>Keras combines every mask source with AND into one boolean per (query, source) pair, shared by all heads; 1 means 'may attend'.</source>
            <translation>Keras 用 AND 把所有掩码来源合并成每个（查询，源）对一个布尔值，由所有头共享；1 表示“可以关注”。</translation>
        </message>
        <message>
            <source>Sources here: %1.</source>
            <translation>这里的来源：%1。</translation>
        </message>
        <message>
            <source>Each source is also a step of its own, so you can see which one removed a cell.</source>
            <translation>每个来源也各自是一个步骤，便于看出是哪一个去掉了某个单元格。</translation>
        </message>
        <message>
            <source>A query-mask row that is all 0 becomes a fully masked row.</source>
            <translation>查询掩码中全为 0 的行会成为完全被掩码的行。</translation>
        </message>
        <message>
            <source>The attention_mask is the only source, so GroupQueryAttention hands it to Softmax as it is, and Softmax keeps the values &gt; 0.5.</source>
            <translation>attention_mask 是唯一的来源，因此 GroupQueryAttention 将它原样交给 Softmax，Softmax 保留 &gt; 0.5 的值。</translation>
        </message>
        <message>
            <source>1 means 'this query may attend to this key'.</source>
            <translation>1 表示“该查询可以关注这个键”。</translation>
        </message>
        <message>
            <source>Built from %1.</source>
            <translation>由 %1 构成。</translation>
        </message>
        <message>
            <source>the causal mask (row ≥ column)</source>
            <translation>因果掩码（行 ≥ 列）</translation>
        </message>
        <message>
            <source>value_mask AND the causal mask (row ≥ column)</source>
            <translation>value_mask 与因果掩码（行 ≥ 列）的 AND</translation>
        </message>
        <message>
            <source>The query mask is not part of it: Attention uses the query mask only to zero output rows at the end.</source>
            <translation>查询掩码不在其中：Attention 只在最后用查询掩码把输出行置零。</translation>
        </message>
        <message>
            <source>1 for real query tokens, 0 for padding.</source>
            <translation>真实查询词元为 1，填充为 0。</translation>
        </message>
        <message>
            <source>Attention applies it only here, at the end.</source>
            <translation>Attention 只在这里（最后）应用它。</translation>
        </message>
        <message>
            <source>Scores where the mask is 0 are replaced by −10⁹, so that after the softmax their weight is 0.</source>
            <translation>掩码为 0 处的分数被替换为 −10⁹，这样经过 softmax 后其权重为 0。</translation>
        </message>
        <message>
            <source>Keras replaces the value (it does not subtract), inside its Softmax layer.</source>
            <translation>Keras 是在其 Softmax 层内部替换该值（而不是相减）。</translation>
        </message>
        <message>
            <source>Keras subtracts 10⁹ from masked scores (it does not replace them).</source>
            <translation>Keras 从被掩码的分数中减去 10⁹（而不是替换它们）。</translation>
        </message>
        <message>
            <source>In float32 this rounds to −10⁹ for small scores, so a row with every key masked comes out uniform over all keys, masked ones included.</source>
            <translation>在 float32 下，小分数减去后会舍入为 −10⁹，因此所有键都被掩码的一行会在全部键（包括被掩码的）上呈均匀分布。</translation>
        </message>
        <message>
            <source>Softmax along the source axis turns each row of scores into weights that are ≥ 0 and sum to 1: how much each source position contributes to this query, per head.</source>
            <translation>沿源轴的 softmax 把每一行分数变成 ≥ 0 且总和为 1 的权重：即每个源位置对该查询的贡献，按头分别计算。</translation>
        </message>
        <message>
            <source>This is what Keras returns with return_attention_scores=True.</source>
            <translation>这就是 Keras 在 return_attention_scores=True 时返回的内容。</translation>
        </message>
        <message>
            <source>Masked positions are set to exactly 0 afterwards, so a fully masked row is all 0 (Keras ≥ 3.14; the fused path without scores would give a uniform row instead).</source>
            <translation>之后被掩码的位置会被精确置为 0，因此完全被掩码的行全为 0（Keras ≥ 3.14；不返回分数的融合路径则会给出均匀的一行）。</translation>
        </message>
        <message>
            <source>Here %1 (head, query) rows are fully masked.</source>
            <translation>这里有 %1 个（头，查询）行被完全掩码。</translation>
        </message>
        <message>
            <source>Softmax over the keys turns each row of scores into weights ≥ 0 that sum to 1: the share of each value row in this query's output.</source>
            <translation>在键上做 softmax，把每一行分数变成 ≥ 0 且总和为 1 的权重：即每个值行在该查询输出中所占的份额。</translation>
        </message>
        <message>
            <source>In training, each weight is set to 0 with probability %1 and the kept ones are divided by 1 − rate, so each row still sums to 1 on average.</source>
            <translation>训练时，每个权重以 %1 的概率被置为 0，保留下来的权重除以 1 − rate，因此每一行的平均和仍为 1。</translation>
        </message>
        <message>
            <source>Keras returns the weights from before dropout (with return_attention_scores=True).</source>
            <translation>Keras 返回的是 dropout 之前的权重（在 return_attention_scores=True 时）。</translation>
        </message>
        <message>
            <source>Unlike MultiHeadAttention, Attention returns these post-dropout weights.</source>
            <translation>与 MultiHeadAttention 不同，Attention 返回的是这些经过 dropout 的权重。</translation>
        </message>
        <message>
            <source>Each head mixes the projected values with its weights: a query's context is the weighted average of the value rows it attends to.</source>
            <translation>每个头用它的权重混合投影后的值：一个查询的上下文就是它所关注的各值行的加权平均。</translation>
        </message>
        <message>
            <source>One result per head.</source>
            <translation>每个头一个结果。</translation>
        </message>
        <message>
            <source>Query heads of one group mix the same (repeated) value head, each with its own weights.</source>
            <translation>同一组的查询头混合同一个（复制出的）值头，各自使用自己的权重。</translation>
        </message>
        <message>
            <source>Each output row is the weighted average of the value rows, with this query's weights.</source>
            <translation>每个输出行都是各值行的加权平均，权重来自该查询。</translation>
        </message>
        <message>
            <source>Rows of padding queries are multiplied by 0.</source>
            <translation>填充查询所在的行被乘以 0。</translation>
        </message>
        <message>
            <source>Their weights were computed normally (and Keras returns them unchanged); only the output row is zeroed.</source>
            <translation>它们的权重照常计算（Keras 也原样返回）；只有输出行被置零。</translation>
        </message>
        <message>
            <source>use_gate=True adds one more EinsumDense on the query input, with a sigmoid: a number between 0 and 1 for every query, head and channel.</source>
            <translation>use_gate=True 在查询输入上再加一个带 sigmoid 的 EinsumDense：为每个查询、每个头、每个通道给出一个 0 到 1 之间的数。</translation>
        </message>
        <message>
            <source>It decides how much of each head's context passes on (Qiu et al., 2025, "Gated Attention for Large Language Models": a head can output almost nothing when it has nothing to add, instead of dumping its weight on one 'attention sink' token).</source>
            <translation>它决定每个头的上下文有多少能传下去（Qiu 等，2025，“Gated Attention for Large Language Models”：当一个头无话可说时，它可以几乎什么都不输出，而不必把权重都压在某一个“注意力汇聚”词元上）。</translation>
        </message>
        <message>
            <source>Each head's context is multiplied element by element by its gate: where the gate is near 0 that channel is silenced, near 1 it passes unchanged.</source>
            <translation>每个头的上下文与其门逐元素相乘：门接近 0 的通道被静音，接近 1 的则原样通过。</translation>
        </message>
        <message>
            <source>The output projection reads this instead of the context.</source>
            <translation>输出投影读取的是它，而不是原来的上下文。</translation>
        </message>
        <message>
            <source>The paper writes Concat(head₁, …, head_N): the heads side by side, N·%1 numbers per query.</source>
            <translation>论文写作 Concat(head₁, …, head_N)：各头并排放置，每个查询 N·%1 个数。</translation>
        </message>
        <message>
            <source>Keras never builds this tensor; its output EinsumDense contracts the head and %1 axes at once, which is the same computation.</source>
            <translation>Keras 从不构建这个张量；它的输出 EinsumDense 一次性收缩 head 和 %1 两个轴，计算是一样的。</translation>
        </message>
        <message>
            <source>The output EinsumDense mixes all heads back into one vector per query, of the output width (%1).</source>
            <translation>输出 EinsumDense 把所有头重新混合成每个查询一个向量，宽度为输出宽度（%1）。</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is just the bias b_o.</source>
            <translation>完全被掩码的查询行上下文为零，因此其输出只是偏置 b_o。</translation>
        </message>
        <message>
            <source>A fully masked query row has zero context, so its output is 0.</source>
            <translation>完全被掩码的查询行上下文为零，因此其输出为 0。</translation>
        </message>
        <message>
            <source>The Transformer adds the layer's input back to its output, so the attention layer only has to learn a correction and gradients flow straight through.</source>
            <translation>Transformer 把该层的输入加回到输出上，这样注意力层只需学习一个修正量，梯度也能直接流过。</translation>
        </message>
        <message>
            <source>Each position's vector is shifted to mean 0 and scaled to variance 1 over its features (ε = 0.001), then scaled by γ and shifted by β.</source>
            <translation>每个位置的向量在其特征上被平移到均值 0、缩放到方差 1（ε = 0.001），再乘以 γ、加上 β。</translation>
        </message>
        <message>
            <source>It keeps the numbers in a stable range from layer to layer.</source>
            <translation>它让数值在层与层之间保持在稳定的范围内。</translation>
        </message>
        <message>
            <source>query width = key width = d</source>
            <translation>查询宽度 = 键宽度 = d</translation>
        </message>
        <message>
            <source>query width = key width</source>
            <translation>查询宽度 = 键宽度</translation>
        </message>
        <message>
            <source>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, identity projections) ≡ Attention(use_scale=True) with scale = 1/√d</source>
            <translation>MultiHeadAttention(num_heads=1, key_dim=d, use_bias=False, 单位矩阵投影) ≡ Attention(use_scale=True)，scale = 1/√d</translation>
        </message>
        <message>
            <source>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</source>
            <translation>Attention(score_mode="concat", use_scale=False) ≡ AdditiveAttention(use_scale=False)</translation>
        </message>
        <message>
            <source>Attention(use_scale=True) as Keras builds it ≡ Attention()</source>
            <translation>按 Keras 构建方式的 Attention(use_scale=True) ≡ Attention()</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</source>
            <translation>GroupQueryAttention(num_key_value_heads = num_query_heads) ≡ MultiHeadAttention</translation>
        </message>
        <message>
            <source>GroupQueryAttention(num_key_value_heads=1), multi-query ≡ MultiHeadAttention whose heads share one key and value projection</source>
            <translation>GroupQueryAttention(num_key_value_heads=1)，多查询 ≡ 各头共享同一个键投影和值投影的 MultiHeadAttention</translation>
        </message>
        <message>
            <source>one head: num_heads=1</source>
            <translation>一个头：num_heads=1</translation>
        </message>
        <message>
            <source>num_heads=2, both heads the same: the output is their sum</source>
            <translation>num_heads=2，两个头相同：输出是二者之和</translation>
        </message>
        <message>
            <source>key_dim = the query width, value_dim = the value width</source>
            <translation>key_dim = 查询宽度，value_dim = 值宽度</translation>
        </message>
        <message>
            <source>key_dim and value_dim halved: the projections keep only the first half of the features</source>
            <translation>key_dim 和 value_dim 减半：投影只保留前一半特征</translation>
        </message>
        <message>
            <source>identity query/key/value kernels (EinsumDense)</source>
            <translation>查询/键/值核为单位矩阵（EinsumDense）</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernels from the seed</source>
            <translation>由种子生成的 Keras glorot_uniform 核</translation>
        </message>
        <message>
            <source>identity output kernel (output_dense)</source>
            <translation>输出核为单位矩阵（output_dense）</translation>
        </message>
        <message>
            <source>Keras' glorot_uniform kernel from the seed</source>
            <translation>由种子生成的 Keras glorot_uniform 核</translation>
        </message>
        <message>
            <source>no bias: use_bias=False</source>
            <translation>无偏置：use_bias=False</translation>
        </message>
        <message>
            <source>use_bias=True with trained-looking biases N(0, 0.5²) (Keras starts biases at 0, which would change nothing)</source>
            <translation>use_bias=True，偏置看起来像训练过的 N(0, 0.5²)（Keras 的偏置初始为 0，那样不会改变任何结果）</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), scale = 1/√key_dim (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True)，scale = 1/√key_dim（Keras 初始为 1）</translation>
        </message>
        <message>
            <source>Attention(use_scale=False): Luong's dot product, no 1/√dₖ</source>
            <translation>Attention(use_scale=False)：Luong 的点积，没有 1/√dₖ</translation>
        </message>
        <message>
            <source>use_scale=False on both layers</source>
            <translation>两层都为 use_scale=False</translation>
        </message>
        <message>
            <source>use_scale=True on both, Keras' initial values: Attention's scalar 1 inside the tanh, AdditiveAttention's glorot vector outside it</source>
            <translation>两层都为 use_scale=True，取 Keras 的初始值：Attention 的标量 1 在 tanh 之内，AdditiveAttention 的 glorot 向量在 tanh 之外</translation>
        </message>
        <message>
            <source>concat_score_weight = 1 (Keras' initial value)</source>
            <translation>concat_score_weight = 1（Keras 的初始值）</translation>
        </message>
        <message>
            <source>concat_score_weight = 2, as after training</source>
            <translation>concat_score_weight = 2，如同训练之后</translation>
        </message>
        <message>
            <source>scale = 1, its Keras initial value (only training changes it)</source>
            <translation>scale = 1，即它在 Keras 中的初始值（只有训练才会改变它）</translation>
        </message>
        <message>
            <source>scale = 2, as after training</source>
            <translation>scale = 2，如同训练之后</translation>
        </message>
        <message>
            <source>num_key_value_heads = num_query_heads</source>
            <translation>num_key_value_heads = num_query_heads</translation>
        </message>
        <message>
            <source>num_key_value_heads = 1 (multi-query): every query head reads head 0's keys and values</source>
            <translation>num_key_value_heads = 1（多查询）：每个查询头都读取头 0 的键和值</translation>
        </message>
        <message>
            <source>the same kernels and biases in both layers</source>
            <translation>两层使用相同的核和偏置</translation>
        </message>
        <message>
            <source>GroupQueryAttention initialised from its own seed (seed + 1)</source>
            <translation>GroupQueryAttention 用自己的种子初始化（seed + 1）</translation>
        </message>
        <message>
            <source>MultiHeadAttention's key/value kernels and biases are head 0's in every head</source>
            <translation>MultiHeadAttention 每个头的键/值核和偏置都是头 0 的</translation>
        </message>
        <message>
            <source>MultiHeadAttention keeps its own key/value kernels per head</source>
            <translation>MultiHeadAttention 每个头保留自己的键/值核</translation>
        </message>
        <message>
            <source>the same query, output and head-0 key/value weights in both</source>
            <translation>两者的查询、输出以及头 0 的键/值权重相同</translation>
        </message>
        <message>
            <source>your layer, %1, is not one of the two sides</source>
            <translation>你的层 %1 不是两边中的任何一边</translation>
        </message>
        <message>
            <source>value_dim = %1, not key_dim = %2 (GroupQueryAttention has one head_dim)</source>
            <translation>value_dim = %1，而不是 key_dim = %2（GroupQueryAttention 只有一个 head_dim）</translation>
        </message>
        <message>
            <source>sliding_window=%1 (Attention has no sliding window)</source>
            <translation>sliding_window=%1（Attention 没有滑动窗口）</translation>
        </message>
        <message>
            <source>use_gate=True (Attention has no gate)</source>
            <translation>use_gate=True（Attention 没有门）</translation>
        </message>
        <message>
            <source>the Transformer sub-layer (Add &amp; LayerNormalization) is on</source>
            <translation>已开启 Transformer 子层（Add &amp; LayerNormalization）</translation>
        </message>
        <message>
            <source>a key_mask or attention_mask (Attention takes neither)</source>
            <translation>有 key_mask 或 attention_mask（Attention 两者都不接受）</translation>
        </message>
        <message>
            <source>num_heads = %1, not 1</source>
            <translation>num_heads = %1，而不是 1</translation>
        </message>
        <message>
            <source>key_dim = %1, not the query width %2</source>
            <translation>key_dim = %1，而不是查询宽度 %2</translation>
        </message>
        <message>
            <source>value_dim = %1, not the value width %2</source>
            <translation>value_dim = %1，而不是值宽度 %2</translation>
        </message>
        <message>
            <source>the output width is %1, Attention's is the value width %2</source>
            <translation>输出宽度为 %1，而 Attention 的输出宽度是值宽度 %2</translation>
        </message>
        <message>
            <source>the query/key/value kernels are not identity matrices</source>
            <translation>查询/键/值核不是单位矩阵</translation>
        </message>
        <message>
            <source>the output kernel is not an identity matrix</source>
            <translation>输出核不是单位矩阵</translation>
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
            <translation>use_scale=False：没有 scale，而该恒等关系需要 1/√%1 = %2</translation>
        </message>
        <message>
            <source>scale = %1 (Keras' start), not 1/√%2 = %3</source>
            <translation>scale = %1（Keras 的初始值），而不是 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1/√%2 = %3</source>
            <translation>scale = %1，而不是 1/√%2 = %3</translation>
        </message>
        <message>
            <source>scale = %1, not 1</source>
            <translation>scale = %1，而不是 1</translation>
        </message>
        <message>
            <source>concat_score_weight = %1, not 1</source>
            <translation>concat_score_weight = %1，而不是 1</translation>
        </message>
        <message>
            <source>use_scale=True (AdditiveAttention's default)</source>
            <translation>use_scale=True（AdditiveAttention 的默认值）</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not num_query_heads = %2</source>
            <translation>num_key_value_heads = %1，而不是 num_query_heads = %2</translation>
        </message>
        <message>
            <source>num_key_value_heads = %1, not 1</source>
            <translation>num_key_value_heads = %1，而不是 1</translation>
        </message>
        <message>
            <source>each of the %1 heads has its own key/value kernels</source>
            <translation>%1 个头各有自己的键/值核</translation>
        </message>
        <message>
            <source>not met: the query has %1 features, the key %2</source>
            <translation>不满足：查询有 %1 个特征，键有 %2 个</translation>
        </message>
        <message>
            <source>the query has %1 features, the key %2</source>
            <translation>查询有 %1 个特征，键有 %2 个</translation>
        </message>
        <message>
            <source>weights and output, both sides built with every condition on these inputs</source>
            <translation>权重和输出；两边都在这些输入上按全部条件构建</translation>
        </message>
        <message>
            <source>fully masked rows left out: %1 (the layers differ there by design)</source>
            <translation>略去完全被掩码的行：%1 行（两种层在那里本就不同）</translation>
        </message>
        <message>
            <source>Here the query has %1 features and the key %2.</source>
            <translation>这里查询有 %1 个特征，键有 %2 个。</translation>
        </message>
        <message>
            <source>Attention and AdditiveAttention add or multiply query and key feature by feature, so they need the same width.</source>
            <translation>Attention 和 AdditiveAttention 按特征逐一对查询和键相加或相乘，因此二者需要相同的宽度。</translation>
        </message>
        <message>
            <source>MultiHeadAttention projects both to key_dim, so it has no such limit.</source>
            <translation>MultiHeadAttention 把二者都投影到 key_dim，因此没有这种限制。</translation>
        </message>
        <message>
            <source>GroupQueryAttention has one head_dim for queries, keys and values; this MultiHeadAttention has key_dim=%1 and value_dim=%2.</source>
            <translation>GroupQueryAttention 的查询、键和值共用一个 head_dim；而这个 MultiHeadAttention 的 key_dim=%1，value_dim=%2。</translation>
        </message>
        <message>
            <source>Attention(use_scale=True), what-if: scale set to 1/√%1 (Keras starts it at 1)</source>
            <translation>Attention(use_scale=True)，假设情形：scale 设为 1/√%1（Keras 初始为 1）</translation>
        </message>
        <message>
            <source>Gradient of %1</source>
            <translation>%1 的梯度</translation>
        </message>
        <message>
            <source>Backward through the layer norm</source>
            <translation>反向穿过层归一化</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the output</source>
            <translation>损失对输出的梯度</translation>
        </message>
        <message>
            <source>Gradient of the loss w.r.t. the layer norm</source>
            <translation>损失对层归一化的梯度</translation>
        </message>
        <message>
            <source>Gradient of the attention output</source>
            <translation>注意力输出的梯度</translation>
        </message>
        <message>
            <source>Gradient of the context</source>
            <translation>上下文的梯度</translation>
        </message>
        <message>
            <source>Gradient of the gated context</source>
            <translation>门控后上下文的梯度</translation>
        </message>
        <message>
            <source>Gradient of the gate</source>
            <translation>门的梯度</translation>
        </message>
        <message>
            <source>Gradient of the dropped-out weights</source>
            <translation>dropout 后权重的梯度</translation>
        </message>
        <message>
            <source>Gradient of the key input</source>
            <translation>键输入的梯度</translation>
        </message>
        <message>
            <source>Gradient of the query input</source>
            <translation>查询输入的梯度</translation>
        </message>
        <message>
            <source>Gradient of the value input</source>
            <translation>值输入的梯度</translation>
        </message>
        <message>
            <source>Gradient of the projected keys</source>
            <translation>投影后键的梯度</translation>
        </message>
        <message>
            <source>Gradient of the projected keys (groups summed)</source>
            <translation>投影后键的梯度（按组求和）</translation>
        </message>
        <message>
            <source>Gradient of the projected query</source>
            <translation>投影后查询的梯度</translation>
        </message>
        <message>
            <source>Gradient of the projected values</source>
            <translation>投影后值的梯度</translation>
        </message>
        <message>
            <source>Gradient of the projected values (groups summed)</source>
            <translation>投影后值的梯度（按组求和）</translation>
        </message>
        <message>
            <source>Gradient of the repeated keys</source>
            <translation>复制后键的梯度</translation>
        </message>
        <message>
            <source>Gradient of the repeated values</source>
            <translation>复制后值的梯度</translation>
        </message>
        <message>
            <source>Gradient of the scaled query</source>
            <translation>缩放后查询的梯度</translation>
        </message>
        <message>
            <source>Gradient of the scores (softmax backward)</source>
            <translation>分数的梯度（softmax 反向）</translation>
        </message>
        <message>
            <source>Gradient of the weighted sum (query mask applied)</source>
            <translation>加权和的梯度（已应用查询掩码）</translation>
        </message>
        <message>
            <source>Gradient of the weights</source>
            <translation>权重的梯度</translation>
        </message>
        <message>
            <source>Gradient of the weights (through dropout)</source>
            <translation>权重的梯度（经过 dropout）</translation>
        </message>
        <message>
            <source>Gradient of the dot products</source>
            <translation>点积的梯度</translation>
        </message>
        <message>
            <source>Gradient of scale (per feature)</source>
            <translation>scale 的梯度（按特征）</translation>
        </message>
        <message>
            <source>Gradient of β (layer norm shift)</source>
            <translation>β 的梯度（层归一化的平移）</translation>
        </message>
        <message>
            <source>Gradient of γ (layer norm scale)</source>
            <translation>γ 的梯度（层归一化的缩放）</translation>
        </message>
    </context>
    <context>
        <name>HandoutPrinter</name>
        <message>
            <source>No lesson is open.</source>
            <translation>没有打开的课程。</translation>
        </message>
        <message>
            <source>Worksheet — %1</source>
            <translation>练习单 — %1</translation>
        </message>
        <message>
            <source>Cannot write %1.</source>
            <translation>无法写入 %1。</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — 第 %2 张，共 %3 张</translation>
        </message>
        <message>
            <source>Worksheet · %1</source>
            <translation>练习单 · %1</translation>
        </message>
        <message>
            <source>Name: ______________________</source>
            <translation>姓名：______________________</translation>
        </message>
        <message>
            <source>In class this slide shows %1; it is not printed on the worksheet because its numbers would give the answer away.</source>
            <translation>课堂上这张幻灯片显示%1；练习单上不打印它，因为其中的数会泄露答案。</translation>
        </message>
        <message>
            <source>Question:</source>
            <translation>问题：</translation>
        </message>
        <message>
            <source>Your answer:</source>
            <translation>你的答案：</translation>
        </message>
        <message>
            <source>Circle your cell of</source>
            <translation>圈出你选的单元格：</translation>
        </message>
        <message>
            <source>Your working:</source>
            <translation>你的演算：</translation>
        </message>
        <message>
            <source>Mark the cell you predict:</source>
            <translation>标出你预测的单元格：</translation>
        </message>
        <message>
            <source>Answers — %1</source>
            <translation>答案 — %1</translation>
        </message>
        <message>
            <source>Computed from the trace of each slide (Keras' numbers, float32).</source>
            <translation>由每张幻灯片的轨迹计算得出（Keras 的数值，float32）。</translation>
        </message>
        <message>
            <source>Answer key — %1</source>
            <translation>答案 — %1</translation>
        </message>
        <message>
            <source>Planned time: %1 minutes · %2 slides · %3</source>
            <translation>计划时间：%1 分钟 · %2 张幻灯片 · %3</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 道题</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n 道题</numerusform>
            </translation>
        </message>
        <message>
            <source>Slide</source>
            <translation>幻灯片</translation>
        </message>
        <message>
            <source>Title</source>
            <translation>标题</translation>
        </message>
        <message>
            <source>Minutes</source>
            <translation>分钟</translation>
        </message>
        <message>
            <source>Clock</source>
            <translation>时刻</translation>
        </message>
        <message>
            <source>Question</source>
            <translation>问题</translation>
        </message>
        <message>
            <source>yes</source>
            <translation>是</translation>
        </message>
        <message>
            <source>Slide %1 · %2</source>
            <translation>幻灯片 %1 · %2</translation>
        </message>
        <message>
            <source>%1 min, %2–%3</source>
            <translation>%1 分钟，%2–%3</translation>
        </message>
        <message>
            <source>no timing given</source>
            <translation>未给出时间</translation>
        </message>
        <message>
            <source>Presenter notes:</source>
            <translation>讲者备注：</translation>
        </message>
        <message>
            <source>Answer:</source>
            <translation>答案：</translation>
        </message>
        <message>
            <source>Why:</source>
            <translation>原因：</translation>
        </message>
        <message>
            <source>the stage</source>
            <translation>舞台</translation>
        </message>
        <message>
            <source>the Compare tab</source>
            <translation>“比较”标签页</translation>
        </message>
        <message>
            <source>the 1/√dₖ lab</source>
            <translation>1/√dₖ 实验室</translation>
        </message>
        <message>
            <source>the equivalence lab</source>
            <translation>等价性实验室</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>语言(&amp;L)</translation>
        </message>
        <message>
            <source>System default (%1)</source>
            <translation>系统默认（%1）</translation>
        </message>
        <message>
            <source>Language</source>
            <translation>语言</translation>
        </message>
        <message>
            <source>attnviz will use %1 the next time it starts. (For one run: attnviz --lang CODE.)</source>
            <translation>attnviz 将在下次启动时使用 %1。（仅本次运行：attnviz --lang CODE。）</translation>
        </message>
    </context>
    <context>
        <name>QObject</name>
        <message>
            <source>Could not write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
    </context>
    <context>
        <name>ScalingLabView</name>
        <message>
            <source>Spread of the logits q·k (std)</source>
            <translation>logits q·k 的离散程度（标准差）</translation>
        </message>
        <message>
            <source>Largest softmax weight of a row</source>
            <translation>一行中最大的 softmax 权重</translation>
        </message>
        <message>
            <source>Entropy of a row (nats)</source>
            <translation>一行的熵（nats）</translation>
        </message>
        <message>
            <source>Largest softmax gradient p(1 − p)</source>
            <translation>最大的 softmax 梯度 p(1 − p)</translation>
        </message>
    </context>
    <context>
        <name>SetupFields</name>
        <message>
            <source>Layer:</source>
            <translation>层：</translation>
        </message>
        <message>
            <source>Which Keras layer to compute: MultiHeadAttention, GroupQueryAttention (query heads sharing key/value heads), Attention (dot-product, Luong) or AdditiveAttention (Bahdanau). The form shows only the arguments the chosen layer has.</source>
            <translation>要计算哪种 Keras 层：MultiHeadAttention、GroupQueryAttention（多个查询头共享键/值头）、Attention（点积，Luong）或 AdditiveAttention（Bahdanau）。表单只显示所选层具有的参数。</translation>
        </message>
        <message>
            <source>Heads:</source>
            <translation>头数：</translation>
        </message>
        <message>
            <source>Query heads:</source>
            <translation>查询头数：</translation>
        </message>
        <message>
            <source>attnviz draws every head; 64 is the most it lays out</source>
            <translation>attnviz 会绘制每一个头，最多排布 64 个</translation>
        </message>
        <message>
            <source>How many attention heads run side by side, each with its own projections of the query, key and value.</source>
            <translation>并行运行多少个注意力头，每个头都有自己对查询、键和值的投影。</translation>
        </message>
        <message>
            <source>Key/value heads:</source>
            <translation>键/值头数：</translation>
        </message>
        <message>
            <source>Key/value heads shared by groups of query heads; must divide num_query_heads (1: multi-query attention, equal: plain multi-head attention).</source>
            <translation>由多组查询头共享的键/值头；必须整除 num_query_heads（1：多查询注意力；相等：普通多头注意力）。</translation>
        </message>
        <message>
            <source>key_dim:</source>
            <translation>key_dim：</translation>
        </message>
        <message>
            <source>head_dim:</source>
            <translation>head_dim：</translation>
        </message>
        <message>
            <source>attnviz's limit for a head's width</source>
            <translation>attnviz 对单个头宽度的上限</translation>
        </message>
        <message>
            <source>Size of each head's query and key vectors (GroupQueryAttention: of its query, key and value vectors). The scores are divided by √key_dim.</source>
            <translation>每个头的查询向量和键向量的大小（GroupQueryAttention：查询、键和值向量的大小）。分数会除以 √key_dim。</translation>
        </message>
        <message>
            <source>value_dim:</source>
            <translation>value_dim：</translation>
        </message>
        <message>
            <source>auto</source>
            <translation>自动</translation>
        </message>
        <message>
            <source>Size of each head's value vectors; auto (None) means key_dim.</source>
            <translation>每个头的值向量大小；自动（None）表示等于 key_dim。</translation>
        </message>
        <message>
            <source>Output width:</source>
            <translation>输出宽度：</translation>
        </message>
        <message>
            <source>attnviz's limit for a feature width</source>
            <translation>attnviz 对特征宽度的上限</translation>
        </message>
        <message>
            <source>Width of the output; auto (None) means the query's width.</source>
            <translation>输出的宽度；自动（None）表示与查询的宽度相同。</translation>
        </message>
        <message>
            <source>score_mode:</source>
            <translation>score_mode：</translation>
        </message>
        <message>
            <source>How Attention scores a query against a key: "dot", the dot product (Luong), or "concat", the sum of tanh(query + key) over the features, times concat_score_weight.</source>
            <translation>Attention 如何为查询和键打分："dot" 为点积（Luong），"concat" 为 tanh(query + key) 在特征上的和再乘以 concat_score_weight。</translation>
        </message>
        <message>
            <source>sliding_window:</source>
            <translation>sliding_window：</translation>
        </message>
        <message>
            <source>no sequence is longer than 8192 here</source>
            <translation>这里没有长于 8192 的序列</translation>
        </message>
        <message>
            <source>none</source>
            <translation>无</translation>
        </message>
        <message>
            <source>Each query sees the source positions with |t − s| &lt; w; none (None) means all of them. With use_causal_mask it is the causal band.</source>
            <translation>每个查询只看到满足 |t − s| &lt; w 的源位置；无（None）表示全部可见。配合 use_causal_mask 时就是因果带。</translation>
        </message>
        <message>
            <source>use_bias</source>
            <translation>use_bias</translation>
        </message>
        <message>
            <source>Add a bias to every projection (query, key, value, output and gate).</source>
            <translation>为每个投影（查询、键、值、输出和门）加上偏置。</translation>
        </message>
        <message>
            <source>use_gate</source>
            <translation>use_gate</translation>
        </message>
        <message>
            <source>Gated attention: a sigmoid gate computed from the query scales each head's context before the output projection.</source>
            <translation>门控注意力：由查询计算出的 sigmoid 门在输出投影之前缩放每个头的上下文。</translation>
        </message>
        <message>
            <source>use_scale</source>
            <translation>use_scale</translation>
        </message>
        <message>
            <source>Learn a scale for the scores: Attention a scalar (initially 1), AdditiveAttention a vector over the features (its default is True).</source>
            <translation>为分数学习一个缩放：Attention 是一个标量（初始为 1），AdditiveAttention 是一个作用于各特征的向量（其默认值为 True）。</translation>
        </message>
        <message>
            <source>Transformer sub-layer</source>
            <translation>Transformer 子层</translation>
        </message>
        <message>
            <source>Not an argument of the layer: follow it with keras.layers.Add (the residual) and LayerNormalization (Add &amp; Norm), as in the Transformer's encoder.</source>
            <translation>不是该层的参数：在其后接 keras.layers.Add（残差）和 LayerNormalization（Add &amp; Norm），与 Transformer 编码器中一样。</translation>
        </message>
        <message>
            <source>every (query × source) matrix of every head is kept, one takes 256 MiB at 8192², and the memory budget (--max-memory) refuses larger traces</source>
            <translation>每个头的每个（查询 × 源）矩阵都会保留，在 8192² 时一个就占 256 MiB，内存预算（--max-memory）会拒绝更大的轨迹</translation>
        </message>
        <message>
            <source>Batch (B):</source>
            <translation>批次（B）：</translation>
        </message>
        <message>
            <source>attnviz's limit for the batch; every batch row is computed and kept</source>
            <translation>attnviz 对批次的上限；每个批次行都会被计算并保留</translation>
        </message>
        <message>
            <source>B, the first axis of the query, value and key inputs: how many sequences go through the layer at once.</source>
            <translation>B，即 query、value 和 key 输入的第一个轴：一次有多少条序列通过该层。</translation>
        </message>
        <message>
            <source>Query length (T):</source>
            <translation>查询长度（T）：</translation>
        </message>
        <message>
            <source>T, the query input's sequence length (query.shape[1]): the target sequence, one row of the attention weights per position.</source>
            <translation>T，查询输入的序列长度（query.shape[1]）：目标序列，每个位置对应注意力权重的一行。</translation>
        </message>
        <message>
            <source>Source length (S):</source>
            <translation>源长度（S）：</translation>
        </message>
        <message>
            <source>S, the value (and key) input's sequence length (value.shape[1]): one column of the attention weights per position.</source>
            <translation>S，值（及键）输入的序列长度（value.shape[1]）：每个位置对应注意力权重的一列。</translation>
        </message>
        <message>
            <source>Query width:</source>
            <translation>查询宽度：</translation>
        </message>
        <message>
            <source>Features per query token (query.shape[-1]).</source>
            <translation>每个查询词元的特征数（query.shape[-1]）。</translation>
        </message>
        <message>
            <source>Value width:</source>
            <translation>值宽度：</translation>
        </message>
        <message>
            <source>Features per value token (value.shape[-1]).</source>
            <translation>每个值词元的特征数（value.shape[-1]）。</translation>
        </message>
        <message>
            <source>Key width:</source>
            <translation>键宽度：</translation>
        </message>
        <message>
            <source>Features per key token (key.shape[-1]); auto: no separate key input, so Keras uses the value as the key.</source>
            <translation>每个键词元的特征数（key.shape[-1]）；自动：没有单独的键输入，因此 Keras 用值作为键。</translation>
        </message>
        <message>
            <source>Causal (no peeking ahead)</source>
            <translation>因果（不能偷看后文）</translation>
        </message>
        <message>
            <source>A call argument: query position i may only attend to source positions ≤ i.</source>
            <translation>调用参数：查询位置 i 只能关注 ≤ i 的源位置。</translation>
        </message>
        <message>
            <source>Query padding:</source>
            <translation>查询填充：</translation>
        </message>
        <message>
            <source>Query positions that are padding, separated by spaces ("3 4"): query_mask is False there, in every batch row; those rows of the output get no attention.</source>
            <translation>属于填充的查询位置，用空格分隔（"3 4"）：在每个批次行中这些位置的 query_mask 为 False；输出中的这些行得不到注意力。</translation>
        </message>
        <message>
            <source>Source padding:</source>
            <translation>源填充：</translation>
        </message>
        <message>
            <source>Source positions that are padding, separated by spaces ("3 4"): value_mask is False there, so no query attends to them.</source>
            <translation>属于填充的源位置，用空格分隔（"3 4"）：这些位置的 value_mask 为 False，因此没有查询会关注它们。</translation>
        </message>
        <message>
            <source>Dropout:</source>
            <translation>Dropout：</translation>
        </message>
        <message>
            <source>a rate of 1 would drop every attention weight</source>
            <translation>比率为 1 会丢弃所有注意力权重</translation>
        </message>
        <message>
            <source>The dropout rate on the attention weights; applied only when the layer is called with training=True.</source>
            <translation>作用于注意力权重的 dropout 比率；仅在以 training=True 调用该层时生效。</translation>
        </message>
        <message>
            <source>training=True</source>
            <translation>training=True</translation>
        </message>
        <message>
            <source>A call argument: call the layer in training mode, so dropout is applied (only with a dropout above 0).</source>
            <translation>调用参数：以训练模式调用该层，从而应用 dropout（仅当 dropout 大于 0 时）。</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <source>a seed is a 32-bit integer</source>
            <translation>种子是一个 32 位整数</translation>
        </message>
        <message>
            <source>The seed of the random inputs, of the initial weights (Keras' initializers: glorot_uniform kernels, zero biases) and of dropout. The same seed always gives the same numbers.</source>
            <translation>随机输入、初始权重（Keras 的初始化器：glorot_uniform 核、零偏置）以及 dropout 所用的种子。同一个种子总是给出同样的数值。</translation>
        </message>
        <message>
            <source>Query:</source>
            <translation>查询：</translation>
        </message>
        <message>
            <source>The query input as a sentence: one token per word, and the same word always gets the same vector. The tokens label the heatmap axes.</source>
            <translation>以句子形式给出的查询输入：每个词一个词元，同一个词总是得到同一个向量。词元会标注在热力图的坐标轴上。</translation>
        </message>
        <message>
            <source>Source:</source>
            <translation>源：</translation>
        </message>
        <message>
            <source>The value (and key) input as a sentence, for cross-attention; empty: the query sentence (self-attention).</source>
            <translation>以句子形式给出的值（及键）输入，用于交叉注意力；留空：使用查询句子（自注意力）。</translation>
        </message>
        <message>
            <source>The query input from a float32 or float64 .npy of shape (batch, query_len, query_features).</source>
            <translation>来自形状为 (batch, query_len, query_features) 的 float32 或 float64 .npy 的查询输入。</translation>
        </message>
        <message>
            <source>Value:</source>
            <translation>值：</translation>
        </message>
        <message>
            <source>The value input from a float32 or float64 .npy of shape (batch, source_len, value_features).</source>
            <translation>来自形状为 (batch, source_len, value_features) 的 float32 或 float64 .npy 的值输入。</translation>
        </message>
        <message>
            <source>Key:</source>
            <translation>键：</translation>
        </message>
        <message>
            <source>Optional: the key input from a .npy of shape (batch, source_len, key_features); without it Keras uses the value as the key.</source>
            <translation>可选：来自形状为 (batch, source_len, key_features) 的 .npy 的键输入；没有它时 Keras 用值作为键。</translation>
        </message>
        <message>
            <source>Inputs:</source>
            <translation>输入：</translation>
        </message>
        <message>
            <source>Where the layer's call inputs query, value (and key) come from: random from the seed, a typed sentence, an edited table, or .npy files.</source>
            <translation>该层调用输入 query、value（及 key）的来源：由种子随机生成、输入的句子、编辑的表格或 .npy 文件。</translation>
        </message>
        <message>
            <source>“%1” is not a position: expected whole numbers like “3 4”.</source>
            <translation>“%1”不是一个位置：应为类似“3 4”的整数。</translation>
        </message>
        <message>
            <source>Position %1 is outside the sequence: expected 0 to %2. Received: %1.</source>
            <translation>位置 %1 超出了序列范围：应为 0 到 %2。收到的是：%1。</translation>
        </message>
        <message>
            <source>Unknown layer “%1”.</source>
            <translation>未知的层“%1”。</translation>
        </message>
        <message>
            <source>score_mode is “dot” or “concat”. Received: score_mode=%1</source>
            <translation>score_mode 只能是“dot”或“concat”。收到的是：score_mode=%1</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras: &lt;code&gt;%2&lt;/code&gt; (%3)&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;b&gt;%1&lt;/b&gt; — Keras：&lt;code&gt;%2&lt;/code&gt;（%3）&lt;/p&gt;&lt;p&gt;%4&lt;/p&gt;</translation>
        </message>
        <message>
            <source>every layer</source>
            <translation>所有层</translation>
        </message>
        <message>
            <source>&lt;p&gt;At most %1: %2.&lt;/p&gt;</source>
            <translation>&lt;p&gt;最多 %1：%2。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>%1 %2 is over attnviz's limit of %3: %4. Received: %5=%2</source>
            <translation>%1 %2 超过了 attnviz 的上限 %3：%4。收到的是：%5=%2</translation>
        </message>
        <message>
            <source>At most %1: %2.</source>
            <translation>最多 %1：%2。</translation>
        </message>
    </context>
    <context>
        <name>StepText</name>
        <message>
            <source>input</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>dense projection</source>
            <translation>全连接投影</translation>
        </message>
        <message>
            <source>scale</source>
            <translation>缩放</translation>
        </message>
        <message>
            <source>matrix product</source>
            <translation>矩阵乘积</translation>
        </message>
        <message>
            <source>mask</source>
            <translation>掩码</translation>
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
            <translation>拼接</translation>
        </message>
        <message>
            <source>tanh sum</source>
            <translation>tanh 求和</translation>
        </message>
        <message>
            <source>add</source>
            <translation>相加</translation>
        </message>
        <message>
            <source>layer norm</source>
            <translation>层归一化</translation>
        </message>
        <message>
            <source>repeat heads</source>
            <translation>重复头</translation>
        </message>
        <message>
            <source>multiply</source>
            <translation>相乘</translation>
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
            <translation>attnviz：--view 必须是 %1 之一。收到的是：%2</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz：无法使用 %1：%2</translation>
        </message>
        <message>
            <source>attnviz: could not write %1</source>
            <translation>attnviz：无法写入 %1</translation>
        </message>
        <message>
            <source>attnviz: no step “%1” in this trace</source>
            <translation>attnviz：此轨迹中没有步骤“%1”</translation>
        </message>
        <message>
            <source>attnviz: cannot write %1: %2</source>
            <translation>attnviz：无法写入 %1：%2</translation>
        </message>
        <message>
            <source>attnviz: --train-task: %1</source>
            <translation>attnviz：--train-task：%1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::AttentionGrid</name>
        <message>
            <source>block %1 · head %2</source>
            <translation>块 %1 · 头 %2</translation>
        </message>
        <message>
            <source>block %1</source>
            <translation>块 %1</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::CompareView</name>
        <message>
            <source>The same query, key and value through every layer, with your inputs, masks and, where they apply, your layer's options and weights (inference, no dropout). All weights share one 0–1 colour scale.</source>
            <translation>同一组查询、键和值依次通过每一种层，使用你的输入、掩码，以及（在适用时）你的层的选项和权重（推理模式，无 dropout）。所有权重共用一条 0–1 色标。</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>Which batch element to show</source>
            <translation>要显示的批次元素</translation>
        </message>
        <message>
            <source>Head</source>
            <translation>头</translation>
        </message>
        <message>
            <source>Which head to show in the tiles with heads</source>
            <translation>在带有多个头的图块中显示哪个头</translation>
        </message>
        <message>
            <source>Difference</source>
            <translation>差值</translation>
        </message>
        <message>
            <source>The difference heatmap shows A − B</source>
            <translation>差值热力图显示 A − B</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Hover a cell for its exact value.</source>
            <translation>将鼠标悬停在单元格上可查看其精确值。</translation>
        </message>
        <message>
            <source>source</source>
            <translation>源</translation>
        </message>
        <message>
            <source>query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>your layer, with your options and weights</source>
            <translation>你的层，使用你的选项和权重</translation>
        </message>
        <message>
            <source>what-if: not how Keras builds it</source>
            <translation>假设情形：并非 Keras 的构建方式</translation>
        </message>
        <message>
            <source>equals %1: max |Δ| = %2</source>
            <translation>等于 %1：max |Δ| = %2</translation>
        </message>
        <message>
            <source>equals %1</source>
            <translation>等于 %1</translation>
        </message>
        <message>
            <source>Cannot compare: %1</source>
            <translation>无法比较：%1</translation>
        </message>
        <message>
            <source>No inputs.</source>
            <translation>没有输入。</translation>
        </message>
        <message>
            <source>Both variants need weights to subtract.</source>
            <translation>两个变体都需要权重才能相减。</translation>
        </message>
        <message>
            <source> — head %1</source>
            <translation> — 头 %1</translation>
        </message>
        <message>
            <source>Difference A − B</source>
            <translation>差值 A − B</translation>
        </message>
        <message>
            <source>max |Δ| = %1</source>
            <translation>max |Δ| = %1</translation>
        </message>
        <message>
            <source>Identities, checked on these inputs:</source>
            <translation>恒等关系（在这些输入上检验）：</translation>
        </message>
        <message>
            <source>Holds when:</source>
            <translation>成立条件：</translation>
        </message>
        <message>
            <source>With these conditions applied to your inputs: max |Δ| = %1 (%2).</source>
            <translation>在你的输入上施加这些条件后：max |Δ| = %1（%2）。</translation>
        </message>
        <message>
            <source>Cannot be checked on these inputs: %1.</source>
            <translation>无法在这些输入上检验：%1。</translation>
        </message>
        <message>
            <source>Your setup meets the conditions.</source>
            <translation>你的设置满足这些条件。</translation>
        </message>
        <message>
            <source>Your setup does not meet them: %1.</source>
            <translation>你的设置不满足这些条件：%1。</translation>
        </message>
        <message>
            <source>A − B</source>
            <translation>A − B</translation>
        </message>
        <message>
            <source>%1 — query %2 (%3), source %4 (%5): %6</source>
            <translation>%1 — 查询 %2（%3），源 %4（%5）：%6</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::Controller</name>
        <message>
            <source>Nothing computed yet.</source>
            <translation>尚未计算任何内容。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::EquivalenceLabView</name>
        <message>
            <source>The claim to check: two Keras layers that compute the same thing under conditions.</source>
            <translation>要检验的论断：两种 Keras 层在一定条件下计算相同的结果。</translation>
        </message>
        <message>
            <source>Claim</source>
            <translation>论断</translation>
        </message>
        <message>
            <source>Conditions (untick one to break the claim)</source>
            <translation>条件（取消勾选一项即可打破论断）</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>left shape</source>
            <translation>左侧形状</translation>
        </message>
        <message>
            <source>right shape</source>
            <translation>右侧形状</translation>
        </message>
        <message>
            <source>max |Δ|</source>
            <translation>max |Δ|</translation>
        </message>
        <message>
            <source>Unticked: %1</source>
            <translation>已取消勾选：%1</translation>
        </message>
        <message>
            <source>left: %1, right: %2</source>
            <translation>左：%1，右：%2</translation>
        </message>
        <message>
            <source>&lt;b&gt;The claim holds&lt;/b&gt; (%1): every shared step agrees to float32 rounding, max |Δ| = %2.</source>
            <translation>&lt;b&gt;论断成立&lt;/b&gt;（%1）：每个共同步骤在 float32 舍入误差内一致，max |Δ| = %2。</translation>
        </message>
        <message>
            <source>&lt;b&gt;The two computations part at “%1”&lt;/b&gt; (%2): max |Δ| = %3 there.</source>
            <translation>&lt;b&gt;两种计算在“%1”处分道扬镳&lt;/b&gt;（%2）：该处 max |Δ| = %3。</translation>
        </message>
        <message>
            <source>Cannot run this claim: %1</source>
            <translation>无法运行此论断：%1</translation>
        </message>
        <message>
            <source>—</source>
            <translation>—</translation>
        </message>
        <message>
            <source>different sizes</source>
            <translation>尺寸不同</translation>
        </message>
        <message>
            <source>equal</source>
            <translation>相同</translation>
        </message>
        <message>
            <source>differs</source>
            <translation>不同</translation>
        </message>
        <message>
            <source>Predict, then Reveal: the differences of the two traces appear after the reveal.</source>
            <translation>先预测，再点“揭晓”：两条轨迹的差异会在揭晓后显示。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ExportMenu</name>
        <message>
            <source>&amp;Export</source>
            <translation>导出(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;Heatmap image (PNG, PDF, SVG)…</source>
            <translation>热力图图像(&amp;H)（PNG、PDF、SVG）…</translation>
        </message>
        <message>
            <source>S&amp;tage image (PNG, PDF, SVG)…</source>
            <translation>舞台图像(&amp;T)（PNG、PDF、SVG）…</translation>
        </message>
        <message>
            <source>&amp;Compare view image (PNG, PDF, SVG)…</source>
            <translation>比较视图图像(&amp;C)（PNG、PDF、SVG）…</translation>
        </message>
        <message>
            <source>Save the Compare tab as a figure</source>
            <translation>将“比较”标签页保存为图片</translation>
        </message>
        <message>
            <source>Step tensor, &amp;shown slice (.npy, .csv)…</source>
            <translation>步骤张量，显示的切片(&amp;S)（.npy、.csv）…</translation>
        </message>
        <message>
            <source>The 2-D slice the heatmap shows (current batch and head), as a NumPy array or a CSV table</source>
            <translation>热力图显示的二维切片（当前批次和头），保存为 NumPy 数组或 CSV 表格</translation>
        </message>
        <message>
            <source>Step tensor, &amp;whole (.npy, .csv)…</source>
            <translation>步骤张量，完整(&amp;W)（.npy、.csv）…</translation>
        </message>
        <message>
            <source>The current step's whole tensor, every axis, as a NumPy array or a CSV table</source>
            <translation>当前步骤的完整张量（所有轴），保存为 NumPy 数组或 CSV 表格</translation>
        </message>
        <message>
            <source>Whole t&amp;race (.npz)…</source>
            <translation>完整轨迹(&amp;R)（.npz）…</translation>
        </message>
        <message>
            <source>Every step's tensor keyed by step, the same file as attnviz-trace --out</source>
            <translation>以步骤为键的每个步骤的张量，与 attnviz-trace --out 生成的文件相同</translation>
        </message>
        <message>
            <source>Setup as spec &amp;bundle (folder)…</source>
            <translation>将设置保存为 spec 包(&amp;B)（文件夹）…</translation>
        </message>
        <message>
            <source>spec.json with its .npy inputs and masks and weights.npz, which loads back to the same trace</source>
            <translation>spec.json 及其 .npy 输入、掩码和 weights.npz，重新载入后得到同样的轨迹</translation>
        </message>
        <message>
            <source>&amp;Python script</source>
            <translation>Python 脚本(&amp;P)</translation>
        </message>
        <message>
            <source>&amp;NumPy…</source>
            <translation>&amp;NumPy…</translation>
        </message>
        <message>
            <source>Self-contained NumPy, one block per step, checked against the trace</source>
            <translation>独立的 NumPy 代码，每个步骤一个代码块，并与轨迹核对</translation>
        </message>
        <message>
            <source>&amp;Keras 3…</source>
            <translation>&amp;Keras 3…</translation>
        </message>
        <message>
            <source>The real Keras layer with these weights and masks, checked against the trace</source>
            <translation>使用这些权重和掩码的真实 Keras 层，并与轨迹核对</translation>
        </message>
        <message>
            <source>&amp;PyTorch…</source>
            <translation>&amp;PyTorch…</translation>
        </message>
        <message>
            <source>The layer in torch ops (and nn.MultiheadAttention where it fits), checked</source>
            <translation>用 torch 运算写出的该层（适用时也用 nn.MultiheadAttention），并已核对</translation>
        </message>
        <message>
            <source>&amp;Copy heatmap and cells</source>
            <translation>复制热力图和单元格(&amp;C)</translation>
        </message>
        <message>
            <source>Copy the heatmap as an image and the selected (or hovered) cells as tab-separated numbers</source>
            <translation>将热力图复制为图像，并将选中（或悬停）的单元格复制为制表符分隔的数字</translation>
        </message>
        <message>
            <source>Copied the heatmap</source>
            <translation>已复制热力图</translation>
        </message>
        <message>
            <source>Copied the heatmap and %1 cell(s)</source>
            <translation>已复制热力图和 %1 个单元格</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>尚未计算任何内容。</translation>
        </message>
        <message>
            <source>Choose a .npy or .csv file name. Received: %1</source>
            <translation>请选择 .npy 或 .csv 文件名。收到的是：%1</translation>
        </message>
        <message>
            <source>attnviz compare</source>
            <translation>attnviz 比较</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>NumPy array (*.npy)</source>
            <translation>NumPy 数组 (*.npy)</translation>
        </message>
        <message>
            <source>CSV table (*.csv)</source>
            <translation>CSV 表格 (*.csv)</translation>
        </message>
        <message>
            <source>Export the step's tensor</source>
            <translation>导出该步骤的张量</translation>
        </message>
        <message>
            <source>Export the shown slice</source>
            <translation>导出显示的切片</translation>
        </message>
        <message>
            <source>Export the whole trace</source>
            <translation>导出完整轨迹</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>NumPy 归档 (*.npz)</translation>
        </message>
        <message>
            <source>Folder for the spec bundle</source>
            <translation>spec 包所在的文件夹</translation>
        </message>
        <message>
            <source>Export the computation as a Python script</source>
            <translation>将计算导出为 Python 脚本</translation>
        </message>
        <message>
            <source>Python script (*.py)</source>
            <translation>Python 脚本 (*.py)</translation>
        </message>
        <message>
            <source>Export the Compare view</source>
            <translation>导出比较视图</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::FormulaPanel</name>
        <message>
            <source>Translate to PyTorch</source>
            <translation>翻译为 PyTorch</translation>
        </message>
        <message>
            <source>Show the same layer written with PyTorch ops beside the Keras code, the current step highlighted in both</source>
            <translation>在 Keras 代码旁显示用 PyTorch 运算写出的同一层，两边都高亮当前步骤</translation>
        </message>
        <message>
            <source>Formula</source>
            <translation>公式</translation>
        </message>
        <message>
            <source>Keras code</source>
            <translation>Keras 代码</translation>
        </message>
        <message>
            <source>What this step computes, and the Keras line that does it</source>
            <translation>此步骤计算什么，以及完成它的那行 Keras 代码</translation>
        </message>
        <message>
            <source>The whole MultiHeadAttention layer written with EinsumDense, Softmax, Dropout, Add and LayerNormalization for the current settings</source>
            <translation>按当前设置，用 EinsumDense、Softmax、Dropout、Add 和 LayerNormalization 写出的完整 MultiHeadAttention 层</translation>
        </message>
        <message>
            <source>&lt;p&gt;&lt;i&gt;Nothing computed yet. Choose a layer and its sizes on the left.&lt;/i&gt;&lt;/p&gt;</source>
            <translation>&lt;p&gt;&lt;i&gt;尚未计算任何内容。请在左侧选择一种层及其尺寸。&lt;/i&gt;&lt;/p&gt;</translation>
        </message>
        <message>
            <source>&lt;h3 style='margin:0'&gt;Step %1 of %2 — %3 &lt;span style='color:gray;font-weight:normal'&gt;(%4, &lt;code&gt;%5&lt;/code&gt;)&lt;/span&gt;&lt;/h3&gt;</source>
            <translation>&lt;h3 style='margin:0'&gt;第 %1 步，共 %2 步 — %3 &lt;span style='color:gray;font-weight:normal'&gt;（%4，&lt;code&gt;%5&lt;/code&gt;）&lt;/span&gt;&lt;/h3&gt;</translation>
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
            <translation>形状</translation>
        </message>
        <message>
            <source>reads</source>
            <translation>读取</translation>
        </message>
        <message>
            <source>cost</source>
            <translation>开销</translation>
        </message>
        <message>
            <source>%1 FLOPs, %2 bytes</source>
            <translation>%1 次浮点运算，%2 字节</translation>
        </message>
        <message>
            <source># No Keras listing for this layer.</source>
            <translation># 此层没有 Keras 代码清单。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::HeatmapView</name>
        <message>
            <source>Move the mouse over a cell to see its indices and exact value</source>
            <translation>将鼠标移到单元格上可查看其索引和精确值</translation>
        </message>
        <message>
            <source>Heatmap</source>
            <translation>热力图</translation>
        </message>
        <message>
            <source>Digits:</source>
            <translation>位数：</translation>
        </message>
        <message>
            <source>Significant digits in each cell; hover a cell for all nine</source>
            <translation>每个单元格的有效数字位数；悬停在单元格上可查看全部九位</translation>
        </message>
        <message>
            <source>Numbers</source>
            <translation>数值</translation>
        </message>
        <message>
            <source>The slice as numbers, with each row's sum</source>
            <translation>以数值显示切片，并附每行之和</translation>
        </message>
        <message>
            <source>Colours 0–1</source>
            <translation>颜色 0–1</translation>
        </message>
        <message>
            <source>Colours 0–top (auto)</source>
            <translation>颜色 0–顶端（自动）</translation>
        </message>
        <message>
            <source>Probabilities: a fixed 0–1 scale compares steps; auto stretches the colours to the step's largest value, or, once it has 1000 values, to the value 99.5 % of them stay under (long sequences spread the weights thin, and row 0 of a causal mask is a single 1); cells above it take the top colour</source>
            <translation>概率：固定的 0–1 色标便于比较各步骤；自动模式把颜色拉伸到该步骤的最大值，或者在有 1000 个以上的值时拉伸到 99.5 % 的值都低于的那个值（长序列会把权重摊得很薄，而因果掩码的第 0 行只有一个 1）；高于它的单元格取最顶端的颜色</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; &lt;code&gt;%2&lt;/code&gt; %3 %4</translation>
        </message>
        <message>
            <source>&lt;i&gt;No tensor to show&lt;/i&gt;</source>
            <translation>&lt;i&gt;没有可显示的张量&lt;/i&gt;</translation>
        </message>
        <message>
            <source>axis %1</source>
            <translation>轴 %1</translation>
        </message>
        <message>
            <source>Which %1 to show (0 to %2)</source>
            <translation>要显示的 %1（0 到 %2）</translation>
        </message>
        <message>
            <source>Hover over a cell for its exact value.</source>
            <translation>将鼠标悬停在单元格上可查看其精确值。</translation>
        </message>
        <message>
            <source>probability (auto 0–%1)</source>
            <translation>概率（自动 0–%1）</translation>
        </message>
        <message>
            <source>probability</source>
            <translation>概率</translation>
        </message>
        <message>
            <source>max |v| per %1×%2 block</source>
            <translation>每个 %1×%2 块的 max |v|</translation>
        </message>
        <message>
            <source>Slice %1×%2 — min %3, max %4, mean %5</source>
            <translation>切片 %1×%2 — 最小 %3，最大 %4，均值 %5</translation>
        </message>
        <message numerus="yes">
            <source>, %n masked cell(s) shown grey</source>
            <translation>
                <numerusform>，%n 个被掩码的单元格显示为灰色</numerusform>
            </translation>
        </message>
        <message>
            <source> — &lt;b&gt;%1 NaN, %2 Inf&lt;/b&gt; (magenta)</source>
            <translation> — &lt;b&gt;%1 个 NaN，%2 个 Inf&lt;/b&gt;（洋红色）</translation>
        </message>
        <message>
            <source>Row sums: %1</source>
            <translation>行和：%1</translation>
        </message>
        <message>
            <source>Row sums from %1 to %2</source>
            <translation>行和从 %1 到 %2</translation>
        </message>
        <message>
            <source>%1 (masked)</source>
            <translation>%1（已掩码）</translation>
        </message>
        <message>
            <source>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</source>
            <translation>&lt;code&gt;%1[%2]&lt;/code&gt; = &lt;b&gt;%3&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;br&gt;Drawn: the largest |value| of rows %1–%2 × columns %3–%4, %5</source>
            <translation>&lt;br&gt;绘制的是：第 %1–%2 行 × 第 %3–%4 列中最大的 |值|，%5</translation>
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
            <translation>打开 Keras 模型</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; — %2 model &lt;i&gt;%3&lt;/i&gt;. Pick the attention layer to step through; its trained weights are read from the file and inputs take the layer's own widths.</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; — %2 模型 &lt;i&gt;%3&lt;/i&gt;。请选择要逐步查看的注意力层；其训练好的权重从文件读取，输入采用该层自身的宽度。</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Class</source>
            <translation>类</translation>
        </message>
        <message>
            <source>Heads</source>
            <translation>头数</translation>
        </message>
        <message>
            <source>Input widths</source>
            <translation>输入宽度</translation>
        </message>
        <message>
            <source>dtype</source>
            <translation>dtype</translation>
        </message>
        <message>
            <source>Layers inside nested models (%1) cannot be opened: only the top-level model's.</source>
            <translation>无法打开嵌套模型（%1）中的层，只能打开顶层模型的层。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::LessonPanel</name>
        <message>
            <source>Click the cell you predict; arrow keys move, Enter chooses.</source>
            <translation>点击你预测的单元格；方向键移动，回车键选择。</translation>
        </message>
        <message>
            <source>Type a number</source>
            <translation>输入一个数</translation>
        </message>
        <message>
            <source>Reveal</source>
            <translation>揭晓</translation>
        </message>
        <message>
            <source>Play the step and mark the answer (Ctrl+Return; Page Down on a question)</source>
            <translation>播放该步骤并标出答案（Ctrl+回车；在问题页上按 Page Down）</translation>
        </message>
        <message>
            <source>◀ Previous</source>
            <translation>◀ 上一张</translation>
        </message>
        <message>
            <source>Next ▶</source>
            <translation>下一张 ▶</translation>
        </message>
        <message>
            <source>Previous slide (Page Up)</source>
            <translation>上一张幻灯片（Page Up）</translation>
        </message>
        <message>
            <source>Next slide (Page Down; on a question it reveals first)</source>
            <translation>下一张幻灯片（Page Down；在问题页上先揭晓答案）</translation>
        </message>
        <message>
            <source>Next slide (reveal first)</source>
            <translation>下一张幻灯片（先揭晓）</translation>
        </message>
        <message>
            <source>Previous slide</source>
            <translation>上一张幻灯片</translation>
        </message>
        <message>
            <source>Reveal the answer</source>
            <translation>揭晓答案</translation>
        </message>
        <message>
            <source>Choose option %1</source>
            <translation>选择选项 %1</translation>
        </message>
        <message>
            <source>Open &amp;lesson…</source>
            <translation>打开课程(&amp;L)…</translation>
        </message>
        <message>
            <source>Ctrl+L</source>
            <translation>Ctrl+L</translation>
        </message>
        <message>
            <source>Open a lesson: slides with narration and questions</source>
            <translation>打开课程：带讲解和问题的幻灯片</translation>
        </message>
        <message>
            <source>E&amp;xamples</source>
            <translation>示例(&amp;X)</translation>
        </message>
        <message>
            <source>Save s&amp;lide…</source>
            <translation>保存幻灯片(&amp;L)…</translation>
        </message>
        <message>
            <source>Append the current spec, step and view as a slide to a lesson</source>
            <translation>把当前的 spec、步骤和视图作为一张幻灯片追加到课程中</translation>
        </message>
        <message>
            <source>Export &amp;handout…</source>
            <translation>导出讲义(&amp;H)…</translation>
        </message>
        <message>
            <source>Every slide of the open lesson, with a page of answers, as a PDF</source>
            <translation>当前课程的所有幻灯片及一页答案，导出为 PDF</translation>
        </message>
        <message>
            <source>&amp;Lessons</source>
            <translation>课程(&amp;L)</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>键盘快捷键(&amp;K)</translation>
        </message>
        <message>
            <source>Example</source>
            <translation>示例</translation>
        </message>
        <message>
            <source>Lesson: %1</source>
            <translation>课程：%1</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>(no bundled examples found in %1)</source>
            <translation>（在 %1 中未找到自带示例）</translation>
        </message>
        <message>
            <source>(no lessons found in %1)</source>
            <translation>（在 %1 中未找到课程）</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>键盘快捷键</translation>
        </message>
        <message>
            <source>Could not open the lesson: %1</source>
            <translation>无法打开课程：%1</translation>
        </message>
        <message>
            <source>“%1” is not a number; type e.g. 0.25.</source>
            <translation>“%1”不是一个数；请输入例如 0.25。</translation>
        </message>
        <message>
            <source>Revealed without an answer.</source>
            <translation>未作答即揭晓。</translation>
        </message>
        <message>
            <source>&lt;b style="color:#1a7f37"&gt;Right!&lt;/b&gt;</source>
            <translation>&lt;b style="color:#1a7f37"&gt;答对了！&lt;/b&gt;</translation>
        </message>
        <message>
            <source>&lt;b style="color:#c62828"&gt;Not quite.&lt;/b&gt;</source>
            <translation>&lt;b style="color:#c62828"&gt;不太对。&lt;/b&gt;</translation>
        </message>
        <message>
            <source>Answer: %1</source>
            <translation>答案：%1</translation>
        </message>
        <message>
            <source>No lesson open. File ▸ Open lesson… or Help ▸ Lessons.</source>
            <translation>没有打开的课程。请使用“文件 ▸ 打开课程…”或“帮助 ▸ 课程”。</translation>
        </message>
        <message>
            <source>%1 — slide %2 of %3</source>
            <translation>%1 — 第 %2 张，共 %3 张</translation>
        </message>
        <message>
            <source>Open lesson</source>
            <translation>打开课程</translation>
        </message>
        <message>
            <source>Lessons (*.md);;All files (*)</source>
            <translation>课程 (*.md);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Nothing computed yet.</source>
            <translation>尚未计算任何内容。</translation>
        </message>
        <message>
            <source>Save slide to lesson</source>
            <translation>将幻灯片保存到课程</translation>
        </message>
        <message>
            <source>Lessons (*.md)</source>
            <translation>课程 (*.md)</translation>
        </message>
        <message>
            <source>Save slide</source>
            <translation>保存幻灯片</translation>
        </message>
        <message>
            <source>Slide title:</source>
            <translation>幻灯片标题：</translation>
        </message>
        <message>
            <source>Slide appended to %1</source>
            <translation>幻灯片已追加到 %1</translation>
        </message>
        <message>
            <source>Export handout</source>
            <translation>导出讲义</translation>
        </message>
        <message>
            <source>Open a lesson first (File ▸ Open lesson…).</source>
            <translation>请先打开一个课程（文件 ▸ 打开课程…）。</translation>
        </message>
        <message>
            <source>PDF (*.pdf)</source>
            <translation>PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Click the cell you predict, or move the blue frame with the arrow keys and press Enter.</source>
            <translation>点击你预测的单元格，或用方向键移动蓝框后按回车键。</translation>
        </message>
        <message>
            <source>1 question</source>
            <translation>1 道题</translation>
        </message>
        <message numerus="yes">
            <source>%n questions</source>
            <translation>
                <numerusform>%n 道题</numerusform>
            </translation>
        </message>
        <message>
            <source>Score: %1 right of %2 answered · %3</source>
            <translation>得分：已答 %2 题，答对 %1 题 · %3</translation>
        </message>
        <message>
            <source>Export &amp;worksheet…</source>
            <translation>导出练习单(&amp;W)…</translation>
        </message>
        <message>
            <source>For students: each question with its operands and room to answer, no answers</source>
            <translation>给学生：每道题附其操作数和作答空间，不含答案</translation>
        </message>
        <message>
            <source>Export answer &amp;key…</source>
            <translation>导出答案(&amp;K)…</translation>
        </message>
        <message>
            <source>For the teacher: the class plan, every answer with its reasoning, the presenter notes</source>
            <translation>给教师：课堂计划、每个答案及其推理、讲者备注</translation>
        </message>
        <message>
            <source>Export worksheet</source>
            <translation>导出练习单</translation>
        </message>
        <message>
            <source>Export answer key</source>
            <translation>导出答案</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::MainWindow</name>
        <message>
            <source>1 NaN value</source>
            <translation>1 个 NaN 值</translation>
        </message>
        <message>
            <source>%1 NaN values</source>
            <translation>%1 个 NaN 值</translation>
        </message>
        <message>
            <source>1 Inf value</source>
            <translation>1 个 Inf 值</translation>
        </message>
        <message>
            <source>%1 Inf values</source>
            <translation>%1 个 Inf 值</translation>
        </message>
        <message>
            <source>%1 and %2</source>
            <translation>%1 和 %2</translation>
        </message>
        <message>
            <source>at %1</source>
            <translation>位于 %1</translation>
        </message>
        <message>
            <source>rows %1</source>
            <translation>第 %1 行</translation>
        </message>
        <message>
            <source>%1 contains %2 (%3)</source>
            <translation>%1 含有 %2（%3）</translation>
        </message>
        <message>
            <source>attnviz — attention, step by step</source>
            <translation>attnviz — 一步一步看懂注意力</translation>
        </message>
        <message>
            <source>The current operation, animated. Step menu ▸ Replay animation (R) plays it again.</source>
            <translation>当前运算的动画。“步骤”菜单 ▸ 重播动画（R）可再次播放。</translation>
        </message>
        <message>
            <source>↻ Replay</source>
            <translation>↻ 重播</translation>
        </message>
        <message>
            <source>Play this step's animation again (R)</source>
            <translation>再次播放此步骤的动画（R）</translation>
        </message>
        <message>
            <source>Scrub through this step's animation ([ and ] move it by 5 %)</source>
            <translation>拖动浏览此步骤的动画（[ 和 ] 每次移动 5 %）</translation>
        </message>
        <message>
            <source>Drag to share the height between the stage and the formula</source>
            <translation>拖动以分配舞台与公式之间的高度</translation>
        </message>
        <message>
            <source>Stage</source>
            <translation>舞台</translation>
        </message>
        <message>
            <source>Compare</source>
            <translation>比较</translation>
        </message>
        <message>
            <source>The same inputs through every variant, side by side</source>
            <translation>同样的输入通过每种变体，并排对比</translation>
        </message>
        <message>
            <source>1/√dₖ lab</source>
            <translation>1/√dₖ 实验室</translation>
        </message>
        <message>
            <source>Why q·k is divided by √key_dim: spread, saturation, entropy, gradient</source>
            <translation>为什么 q·k 要除以 √key_dim：离散程度、饱和、熵、梯度</translation>
        </message>
        <message>
            <source>Equivalence lab</source>
            <translation>等价性实验室</translation>
        </message>
        <message>
            <source>When two layers compute the same thing, and where they part</source>
            <translation>两种层何时计算出相同的结果，又在哪里分道扬镳</translation>
        </message>
        <message>
            <source>Weights</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>Every trainable weight of the layer: Keras name, shape, initializer, count, source; edit the numbers or use a preset</source>
            <translation>该层的每个可训练权重：Keras 名称、形状、初始化器、数量、来源；可编辑数值或使用预设</translation>
        </message>
        <message>
            <source>Setup</source>
            <translation>设置</translation>
        </message>
        <message>
            <source>Inspector</source>
            <translation>检查器</translation>
        </message>
        <message>
            <source>Timeline</source>
            <translation>时间线</translation>
        </message>
        <message>
            <source>Details…</source>
            <translation>详情…</translation>
        </message>
        <message>
            <source>Read the whole status message</source>
            <translation>阅读完整的状态信息</translation>
        </message>
        <message>
            <source>Computing the new setup; the last result stays on screen until it is ready</source>
            <translation>正在计算新的设置；在完成之前屏幕上保留上一次的结果</translation>
        </message>
        <message numerus="yes">
            <source>Computing… %n step(s) done</source>
            <translation>
                <numerusform>正在计算… 已完成 %n 步</numerusform>
            </translation>
        </message>
        <message>
            <source>Computing…</source>
            <translation>正在计算…</translation>
        </message>
        <message>
            <source>Lesson</source>
            <translation>课程</translation>
        </message>
        <message>
            <source>&amp;Open spec…</source>
            <translation>打开 spec(&amp;O)…</translation>
        </message>
        <message>
            <source>Load a spec.json with its inputs and weights</source>
            <translation>载入 spec.json 及其输入和权重</translation>
        </message>
        <message>
            <source>Open &amp;Keras model…</source>
            <translation>打开 Keras 模型(&amp;K)…</translation>
        </message>
        <message>
            <source>Step through a trained attention layer of a saved Keras model (.keras)</source>
            <translation>逐步查看已保存 Keras 模型（.keras）中训练好的注意力层</translation>
        </message>
        <message>
            <source>&amp;Save spec…</source>
            <translation>保存 spec(&amp;S)…</translation>
        </message>
        <message>
            <source>Write the current spec.json with its inputs and weights</source>
            <translation>写出当前的 spec.json 及其输入和权重</translation>
        </message>
        <message>
            <source>&amp;Export heatmap…</source>
            <translation>导出热力图(&amp;E)…</translation>
        </message>
        <message>
            <source>Ctrl+E</source>
            <translation>Ctrl+E</translation>
        </message>
        <message>
            <source>Save the inspector's heatmap as PNG, PDF or SVG</source>
            <translation>将检查器中的热力图保存为 PNG、PDF 或 SVG</translation>
        </message>
        <message>
            <source>Export s&amp;tage…</source>
            <translation>导出舞台(&amp;T)…</translation>
        </message>
        <message>
            <source>Ctrl+Shift+E</source>
            <translation>Ctrl+Shift+E</translation>
        </message>
        <message>
            <source>Save the stage as PNG, PDF or SVG</source>
            <translation>将舞台保存为 PNG、PDF 或 SVG</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>退出(&amp;Q)</translation>
        </message>
        <message>
            <source>Quit attnviz</source>
            <translation>退出 attnviz</translation>
        </message>
        <message>
            <source>&amp;Presentation mode</source>
            <translation>演示模式(&amp;P)</translation>
        </message>
        <message>
            <source>Full screen, big fonts, docks hidden; step with the keyboard</source>
            <translation>全屏、大字体、隐藏停靠面板；用键盘逐步切换</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>放大(&amp;I)</translation>
        </message>
        <message>
            <source>Ctrl+=</source>
            <translation>Ctrl+=</translation>
        </message>
        <message>
            <source>Larger fonts and cells</source>
            <translation>更大的字体和单元格</translation>
        </message>
        <message>
            <source>Ctrl++</source>
            <translation>Ctrl++</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>缩小(&amp;O)</translation>
        </message>
        <message>
            <source>Ctrl+-</source>
            <translation>Ctrl+-</translation>
        </message>
        <message>
            <source>Smaller fonts and cells</source>
            <translation>更小的字体和单元格</translation>
        </message>
        <message>
            <source>&amp;Reset zoom</source>
            <translation>重置缩放(&amp;R)</translation>
        </message>
        <message>
            <source>Ctrl+0</source>
            <translation>Ctrl+0</translation>
        </message>
        <message>
            <source>Normal size</source>
            <translation>正常大小</translation>
        </message>
        <message>
            <source>&amp;Play / pause</source>
            <translation>播放 / 暂停(&amp;P)</translation>
        </message>
        <message>
            <source>Step through the computation</source>
            <translation>逐步浏览整个计算</translation>
        </message>
        <message>
            <source>&amp;Next step</source>
            <translation>下一步(&amp;N)</translation>
        </message>
        <message>
            <source>Go to the next step</source>
            <translation>转到下一步</translation>
        </message>
        <message>
            <source>P&amp;revious step</source>
            <translation>上一步(&amp;R)</translation>
        </message>
        <message>
            <source>Go to the previous step</source>
            <translation>转到上一步</translation>
        </message>
        <message>
            <source>&amp;First step</source>
            <translation>第一步(&amp;F)</translation>
        </message>
        <message>
            <source>Go to the first step</source>
            <translation>转到第一步</translation>
        </message>
        <message>
            <source>&amp;Last step</source>
            <translation>最后一步(&amp;L)</translation>
        </message>
        <message>
            <source>Go to the last step</source>
            <translation>转到最后一步</translation>
        </message>
        <message>
            <source>Re&amp;play animation</source>
            <translation>重播动画(&amp;P)</translation>
        </message>
        <message>
            <source>Play this step's animation again</source>
            <translation>再次播放此步骤的动画</translation>
        </message>
        <message>
            <source>Scrub &amp;back</source>
            <translation>后退(&amp;B)</translation>
        </message>
        <message>
            <source>Move the animation back by 5 %</source>
            <translation>将动画后退 5 %</translation>
        </message>
        <message>
            <source>Scrub &amp;forward</source>
            <translation>前进(&amp;F)</translation>
        </message>
        <message>
            <source>Move the animation forward by 5 %</source>
            <translation>将动画前进 5 %</translation>
        </message>
        <message>
            <source>&amp;About attnviz</source>
            <translation>关于 attnviz(&amp;A)</translation>
        </message>
        <message>
            <source>What attnviz is</source>
            <translation>attnviz 是什么</translation>
        </message>
        <message>
            <source>Leave presentation mode</source>
            <translation>退出演示模式</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>文件(&amp;F)</translation>
        </message>
        <message>
            <source>Open &amp;recent</source>
            <translation>最近打开(&amp;R)</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>编辑(&amp;E)</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>视图(&amp;V)</translation>
        </message>
        <message>
            <source>&amp;Step</source>
            <translation>步骤(&amp;S)</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>帮助(&amp;H)</translation>
        </message>
        <message numerus="yes">
            <source>%1 · %n step(s) · %2 FLOPs · computed in %3 ms</source>
            <translation>
                <numerusform>%1 · %n 步 · %2 次浮点运算 · 用时 %3 ms</numerusform>
            </translation>
        </message>
        <message>
            <source>NOT KERAS: 1/√dₖ turned off (1/√dₖ lab)</source>
            <translation>不是 KERAS：已关闭 1/√dₖ（1/√dₖ 实验室）</translation>
        </message>
        <message>
            <source>Not recomputed: %1 (the last good result stays on screen)</source>
            <translation>未重新计算：%1（屏幕上保留上一次的有效结果）</translation>
        </message>
        <message>
            <source>%1 has %2 NaN and %3 Inf values (magenta)</source>
            <translation>%1 含有 %2 个 NaN 和 %3 个 Inf 值（洋红色）</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>状态</translation>
        </message>
        <message>
            <source>An unsaved session from %1 was kept in %2</source>
            <translation>来自 %1 的未保存会话已保留在 %2</translation>
        </message>
        <message>
            <source>Restored your unsaved session from %1</source>
            <translation>已恢复你在 %1 未保存的会话</translation>
        </message>
        <message>
            <source>Could not open %1: %2</source>
            <translation>无法打开 %1：%2</translation>
        </message>
        <message>
            <source>Open spec</source>
            <translation>打开 spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json);;All files (*)</source>
            <translation>层 spec (*.json);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Could not open %1:
%2</source>
            <translation>无法打开 %1：
%2</translation>
        </message>
        <message>
            <source>Reading layer '%1' of %2 (its weights are read in a separate process)…</source>
            <translation>正在读取 %2 的层“%1”（其权重在单独的进程中读取）…</translation>
        </message>
        <message>
            <source>Layer '%1' of %2: trained weights from the file, inputs at its widths</source>
            <translation>%2 的层“%1”：训练好的权重来自文件，输入采用其宽度</translation>
        </message>
        <message>
            <source>Open Keras model</source>
            <translation>打开 Keras 模型</translation>
        </message>
        <message>
            <source>Keras models (*.keras);;All files (*)</source>
            <translation>Keras 模型 (*.keras);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Save spec</source>
            <translation>保存 spec</translation>
        </message>
        <message>
            <source>Layer specs (*.json)</source>
            <translation>层 spec (*.json)</translation>
        </message>
        <message>
            <source>Could not save %1:
%2</source>
            <translation>无法保存 %1：
%2</translation>
        </message>
        <message>
            <source>Saved %1 (with its inputs and weights beside it)</source>
            <translation>已保存 %1（其输入和权重放在旁边）</translation>
        </message>
        <message>
            <source>Choose the %1 .npy</source>
            <translation>选择 %1 的 .npy</translation>
        </message>
        <message>
            <source>NumPy arrays (*.npy);;All files (*)</source>
            <translation>NumPy 数组 (*.npy);;所有文件 (*)</translation>
        </message>
        <message>
            <source>Saved %1</source>
            <translation>已保存 %1</translation>
        </message>
        <message>
            <source>Export stage</source>
            <translation>导出舞台</translation>
        </message>
        <message>
            <source>Export heatmap</source>
            <translation>导出热力图</translation>
        </message>
        <message>
            <source>PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)</source>
            <translation>PNG 图像 (*.png);;PDF 文档 (*.pdf);;SVG 图形 (*.svg)</translation>
        </message>
        <message>
            <source>Export</source>
            <translation>导出</translation>
        </message>
        <message>
            <source>About attnviz</source>
            <translation>关于 attnviz</translation>
        </message>
        <message>
            <source>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Keras' three attention layers — MultiHeadAttention, Attention and AdditiveAttention — computed exactly as Keras 3 does, one operation at a time: every tensor with its shape, its formula and the Keras code that produces it.&lt;/p&gt;&lt;p&gt;Keys: Space play/pause, Left/Right step, Home/End first/last, R replay, [ and ] scrub, F5 presentation, Ctrl+= / Ctrl+- zoom.&lt;/p&gt;&lt;p&gt;Built with Qt %2 and QCustomPlot.&lt;/p&gt;</source>
            <translation>&lt;h3&gt;attnviz %1&lt;/h3&gt;&lt;p&gt;Keras 的三种注意力层——MultiHeadAttention、Attention 和 AdditiveAttention——完全按 Keras 3 的方式计算，一次一个运算：每个张量都附有形状、公式以及产生它的 Keras 代码。&lt;/p&gt;&lt;p&gt;按键：空格 播放/暂停，左/右 切换步骤，Home/End 第一步/最后一步，R 重播，[ 和 ] 拖动动画，F5 演示模式，Ctrl+= / Ctrl+- 缩放。&lt;/p&gt;&lt;p&gt;基于 Qt %2 和 QCustomPlot 构建。&lt;/p&gt;</translation>
        </message>
        <message>
            <source>Step %1 of %2 — %3 · %4 · %5 %6</source>
            <translation>第 %1 步，共 %2 步 — %3 · %4 · %5 %6</translation>
        </message>
        <message>
            <source>the folder %1 does not exist</source>
            <translation>文件夹 %1 不存在</translation>
        </message>
        <message>
            <source>the folder %1 is not writable</source>
            <translation>文件夹 %1 不可写</translation>
        </message>
        <message>
            <source>the file exists and is read-only</source>
            <translation>文件已存在且为只读</translation>
        </message>
        <message>
            <source>use a .png, .pdf or .svg name, and check the disk has space</source>
            <translation>请使用 .png、.pdf 或 .svg 文件名，并检查磁盘空间</translation>
        </message>
        <message>
            <source>Could not write %1: %2.</source>
            <translation>无法写入 %1：%2。</translation>
        </message>
        <message>
            <source>Reading…</source>
            <translation>正在读取…</translation>
        </message>
        <message>
            <source>Query–key space</source>
            <translation>查询–键空间</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane (a PCA): a query lies near the keys it attends to</source>
            <translation>把每个头的查询和键画成同一平面上的点（PCA）：查询靠近它所关注的键</translation>
        </message>
        <message>
            <source>Train</source>
            <translation>训练</translation>
        </message>
        <message>
            <source>Train a small model on a toy task and watch its heads learn</source>
            <translation>在玩具任务上训练一个小模型，观察它的各个头如何学习</translation>
        </message>
        <message>
            <source>Stage, timeline, inspector, Compare and Weights show the trained model's block 1 on the probe example: forward, then backward from the model's own gradient at the block's output.</source>
            <translation>舞台、时间线、检查器、“比较”和“权重”显示训练好的模型在探测样例上的第 1 块：先前向，再从模型自身在该块输出处的梯度做反向。</translation>
        </message>
        <message>
            <source>&amp;Train</source>
            <translation>训练(&amp;T)</translation>
        </message>
        <message>
            <source>&amp;Query–key space</source>
            <translation>查询–键空间(&amp;Q)</translation>
        </message>
        <message>
            <source>Each head's queries and keys as points in one plane; hover a query for its keys</source>
            <translation>把每个头的查询和键画成同一平面上的点；悬停在查询上可查看它的键</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::QkSpaceView</name>
        <message>
            <source>Head</source>
            <translation>头</translation>
        </message>
        <message>
            <source>Which head's queries and keys are shown</source>
            <translation>显示哪个头的查询和键</translation>
        </message>
        <message>
            <source>Batch</source>
            <translation>批次</translation>
        </message>
        <message>
            <source>The query–key space of one head, after AttentionViz: every query (circle) and key (triangle) of the head as a point, in the plane that shows most of their spread (a PCA of both together). For dot-product scores the keys are first moved by mean(q) − mean(k); that adds the same amount to every score of a query's row, so the attention is unchanged, and a query then lies near the keys it scores highest. Hover a query to see the keys it attends to most.</source>
            <translation>一个头的查询–键空间（参照 AttentionViz）：该头的每个查询（圆）和每个键（三角）都画成一个点，放在最能体现它们离散程度的平面上（对两者一起做 PCA）。对点积分数，先把键平移 mean(q) − mean(k)；这会给某个查询那一行的每个分数加上同一个量，因此注意力不变，而查询会落在它打分最高的那些键附近。悬停在查询上可查看它最关注的键。</translation>
        </message>
        <message>
            <source>No query–key space</source>
            <translation>没有查询–键空间</translation>
        </message>
        <message>
            <source>No trace yet</source>
            <translation>尚无轨迹</translation>
        </message>
        <message>
            <source>%1 — head %2: queries from “%3”, keys from “%4”</source>
            <translation>%1 — 头 %2：查询来自“%3”，键来自“%4”</translation>
        </message>
        <message>
            <source>%1: queries from “%2”, keys from “%3” (no projections: the inputs themselves)</source>
            <translation>%1：查询来自“%2”，键来自“%3”（没有投影：就是输入本身）</translation>
        </message>
        <message>
            <source>queries q (circles)</source>
            <translation>查询 q（圆）</translation>
        </message>
        <message>
            <source>keys k − mean(k) + mean(q) (triangles)</source>
            <translation>键 k − mean(k) + mean(q)（三角）</translation>
        </message>
        <message>
            <source>keys k (triangles)</source>
            <translation>键 k（三角）</translation>
        </message>
        <message>
            <source>PC 2 (%1 % of the spread)</source>
            <translation>主成分 2（占离散程度的 %1 %）</translation>
        </message>
        <message>
            <source>PC 2 (the points lie on a line)</source>
            <translation>主成分 2（各点在一条直线上）</translation>
        </message>
        <message>
            <source>PC 1 (%1 % of the spread)</source>
            <translation>主成分 1（占离散程度的 %1 %）</translation>
        </message>
        <message>
            <source>PC 1 (all points coincide)</source>
            <translation>主成分 1（所有点重合）</translation>
        </message>
        <message>
            <source>This is AttentionViz's trick: the two clouds now share a centre, so distances between them can be compared. Attention follows q·k, not distance, so “near” is a rough guide only. The scores recomputed from these vectors match the trace %1.</source>
            <translation>这是 AttentionViz 的技巧：两团点云现在有了共同的中心，因此可以比较它们之间的距离。注意力取决于 q·k 而不是距离，所以“近”只是粗略的参考。由这些向量重新计算的分数与轨迹%1一致。</translation>
        </message>
        <message>
            <source>exactly</source>
            <translation>完全</translation>
        </message>
        <message>
            <source>within %1</source>
            <translation>在 %1 以内</translation>
        </message>
        <message>
            <source>The two axes are the directions of largest spread of all %1 points (a PCA); other directions are not shown. Hover a query (circle) to see the %2 keys it attends to most, with their weights.</source>
            <translation>两条轴是全部 %1 个点离散程度最大的方向（PCA）；其他方向未显示。悬停在某个查询（圆）上可查看它最关注的 %2 个键及其权重。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::ScalingLabView</name>
        <message>
            <source>Not Keras: turn 1/√dₖ off in the stage too</source>
            <translation>不是 Keras：在舞台上也关闭 1/√dₖ</translation>
        </message>
        <message>
            <source>Watch the softmax saturate step by step on the stage</source>
            <translation>在舞台上一步步观察 softmax 如何饱和</translation>
        </message>
        <message>
            <source>A what-if that Keras never does: MultiHeadAttention and GroupQueryAttention are recomputed without 1/√key_dim, so the scores are the raw q·k. The stage, the status line and the formula say “not Keras” while it is on.</source>
            <translation>一个 Keras 从不会做的假设情形：MultiHeadAttention 和 GroupQueryAttention 在去掉 1/√key_dim 的情况下重新计算，因此分数就是原始的 q·k。开启期间，舞台、状态栏和公式都会标明“不是 Keras”。</translation>
        </message>
        <message>
            <source>Why MultiHeadAttention divides q·k by √key_dim: random unit-normal q and k at every key_dim from 1 to 1024, scored with (blue) and without (red) the scaling. The large dots are the current layer's own numbers.</source>
            <translation>为什么 MultiHeadAttention 要把 q·k 除以 √key_dim：在 key_dim 从 1 到 1024 的每个取值上，随机抽取标准正态分布的 q 和 k，分别计算有缩放（蓝）和无缩放（红）时的分数。大圆点是当前层自己的数值。</translation>
        </message>
        <message>
            <source>key_dim d</source>
            <translation>key_dim d</translation>
        </message>
        <message>
            <source>q·k (no scaling)</source>
            <translation>q·k（无缩放）</translation>
        </message>
        <message>
            <source>q·k / √d (Keras)</source>
            <translation>q·k / √d（Keras）</translation>
        </message>
        <message>
            <source>Each point: 64 rows of 16 keys, q and k drawn from N(0, 1) (seed 1). Without the scaling (red) the spread grows like √d and the softmax saturates: one weight near 1, entropy and gradient near 0. With it (blue) nothing depends on d.</source>
            <translation>每个点：64 行，每行 16 个键，q 和 k 取自 N(0, 1)（种子 1）。没有缩放时（红），离散程度按 √d 增长，softmax 饱和：一个权重接近 1，熵和梯度接近 0。有缩放时（蓝），一切都与 d 无关。</translation>
        </message>
        <message>
            <source>This layer (key_dim %1): logits spread %2 scaled, %3 unscaled; largest weight %4 scaled, %5 unscaled.</source>
            <translation>当前层（key_dim %1）：logits 的离散程度缩放后为 %2，未缩放为 %3；最大权重缩放后为 %4，未缩放为 %5。</translation>
        </message>
        <message>
            <source>This layer has no dot-product scores to mark.</source>
            <translation>此层没有可标记的点积分数。</translation>
        </message>
        <message>
            <source>NOT KERAS: the stage now runs this layer without 1/√dₖ.</source>
            <translation>不是 KERAS：舞台现在在不带 1/√dₖ 的情况下运行此层。</translation>
        </message>
        <message>
            <source>this layer, no scaling</source>
            <translation>当前层，无缩放</translation>
        </message>
        <message>
            <source>this layer, scaled</source>
            <translation>当前层，有缩放</translation>
        </message>
        <message>
            <source>The curves draw q and k from N(0, 1); this layer's q and k have standard deviations %1 and %2, so its logits spread about σ_q·σ_k·√d = %3·√d.</source>
            <translation>曲线中的 q 和 k 取自 N(0, 1)；当前层的 q 和 k 的标准差分别为 %1 和 %2，因此其 logits 的离散程度约为 σ_q·σ_k·√d = %3·√d。</translation>
        </message>
        <message>
            <source>That is less than the curves assume: its softmax is less saturated than theirs at the same d (a lower top weight, a higher entropy and gradient), with and without the scaling.</source>
            <translation>这比曲线假设的小：在相同的 d 下，它的 softmax 比曲线的更不饱和（最大权重更低，熵和梯度更高），有无缩放都是如此。</translation>
        </message>
        <message>
            <source>That is more than the curves assume: its softmax is more saturated than theirs at the same d.</source>
            <translation>这比曲线假设的大：在相同的 d 下，它的 softmax 比曲线的更饱和。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupCarried</name>
        <message>
            <source>Keras' initializers from seed %1</source>
            <translation>由种子 %1 生成的 Keras 初始化器</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>%2 的层 %1</translation>
        </message>
        <message>
            <source>the opened spec</source>
            <translation>打开的 spec</translation>
        </message>
        <message>
            <source>Weights: from %1</source>
            <translation>权重：来自 %1</translation>
        </message>
        <message>
            <source>Weights: %1</source>
            <translation>权重：%1</translation>
        </message>
        <message>
            <source>; edited: %1</source>
            <translation>；已编辑：%1</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>The weights from %1 do not fit these settings and are kept aside (they are used again when the sizes fit): %2.</source>
            <translation>来自 %1 的权重不符合这些设置，已暂存（尺寸匹配时会再次使用）：%2。</translation>
        </message>
        <message>
            <source>Edited %1 kept aside: not a weight of this shape now.</source>
            <translation>已编辑的 %1 已暂存：当前已没有这种形状的权重。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::SetupPanel</name>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt;: %2</source>
            <translation>&lt;b&gt;%1&lt;/b&gt;：%2</translation>
        </message>
        <message>
            <source>Layer</source>
            <translation>层</translation>
        </message>
        <message>
            <source>Sizes</source>
            <translation>尺寸</translation>
        </message>
        <message>
            <source>Masks</source>
            <translation>掩码</translation>
        </message>
        <message>
            <source>Dropout and seed</source>
            <translation>Dropout 与种子</translation>
        </message>
        <message>
            <source>e.g. 3 4</source>
            <translation>例如 3 4</translation>
        </message>
        <message>
            <source>Where the layer's weights come from: a weights file, a trained layer of a saved Keras model, Keras' initializers drawn from the seed, or edits in the Weights tab. Loaded weights that no longer fit the layer are kept aside, and used again when the sizes fit them.</source>
            <translation>该层权重的来源：权重文件、已保存 Keras 模型中训练好的层、由种子生成的 Keras 初始化器，或在“权重”标签页中的编辑。不再适合该层的已载入权重会被暂存，尺寸重新匹配时再次使用。</translation>
        </message>
        <message>
            <source>Drop</source>
            <translation>丢弃</translation>
        </message>
        <message>
            <source>Stop using the masks that came with the spec</source>
            <translation>不再使用随 spec 提供的掩码</translation>
        </message>
        <message>
            <source>Memory the trace of this setup needs (every intermediate kept), against the memory budget; larger setups are refused before anything is computed</source>
            <translation>此设置的轨迹所需内存（保留每个中间结果），与内存预算对比；更大的设置会在计算前被拒绝</translation>
        </message>
        <message>
            <source>Inputs</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>Random (from the seed)</source>
            <translation>随机（由种子生成）</translation>
        </message>
        <message>
            <source>Typed sentence</source>
            <translation>输入句子</translation>
        </message>
        <message>
            <source>Edit a table</source>
            <translation>编辑表格</translation>
        </message>
        <message>
            <source>.npy files</source>
            <translation>.npy 文件</translation>
        </message>
        <message>
            <source>Standard-normal values drawn from the seed.</source>
            <translation>由种子生成的标准正态分布数值。</translation>
        </message>
        <message>
            <source>same as query (self-attention)</source>
            <translation>与查询相同（自注意力）</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>双击单元格输入数值；该层会立即重新计算</translation>
        </message>
        <message>
            <source>The query input (Keras: &lt;code&gt;query&lt;/code&gt;), one row per position and batch row; double-click a cell to type a value.</source>
            <translation>查询输入（Keras：&lt;code&gt;query&lt;/code&gt;），每个位置和批次行一行；双击单元格输入数值。</translation>
        </message>
        <message>
            <source>The value input (Keras: &lt;code&gt;value&lt;/code&gt;, also the key when there is no key), one row per position and batch row.</source>
            <translation>值输入（Keras：&lt;code&gt;value&lt;/code&gt;，没有键时也作为键），每个位置和批次行一行。</translation>
        </message>
        <message>
            <source>query</source>
            <translation>查询</translation>
        </message>
        <message>
            <source>value</source>
            <translation>值</translation>
        </message>
        <message>
            <source>Refill from the seed</source>
            <translation>用种子重新填充</translation>
        </message>
        <message>
            <source>Replace the table with the random inputs of the current seed</source>
            <translation>用当前种子的随机输入替换表格</translation>
        </message>
        <message>
            <source>optional</source>
            <translation>可选</translation>
        </message>
        <message>
            <source>path to .npy</source>
            <translation>.npy 的路径</translation>
        </message>
        <message>
            <source>A float32 or float64 .npy of shape [B, length, features]</source>
            <translation>形状为 [B, length, features] 的 float32 或 float64 .npy</translation>
        </message>
        <message>
            <source>…</source>
            <translation>…</translation>
        </message>
        <message>
            <source>Choose the %1 .npy file</source>
            <translation>选择 %1 的 .npy 文件</translation>
        </message>
        <message>
            <source>layer %1 of %2</source>
            <translation>%2 的层 %1</translation>
        </message>
        <message>
            <source>%1 does not divide num_query_heads = %2. Valid choices: %3.</source>
            <translation>%1 不能整除 num_query_heads = %2。可选值：%3。</translation>
        </message>
        <message>
            <source>the typed %1 sentence</source>
            <translation>输入的 %1 句子</translation>
        </message>
        <message>
            <source>the edited %1 table</source>
            <translation>编辑过的 %1 表格</translation>
        </message>
        <message>
            <source>the spec's %1</source>
            <translation>spec 中的 %1</translation>
        </message>
        <message>
            <source>Trace: about %1 — over the %2 memory budget</source>
            <translation>轨迹：约 %1 — 超出 %2 的内存预算</translation>
        </message>
        <message>
            <source>Trace: about %1 of the %2 memory budget</source>
            <translation>轨迹：约 %1（内存预算 %2）</translation>
        </message>
        <message>
            <source>%1 is outside the %2 table (%3 rows × %4 columns); choose inputs=table first.</source>
            <translation>%1 超出了 %2 表格的范围（%3 行 × %4 列）；请先选择 inputs=table。</translation>
        </message>
        <message>
            <source>%1: “%2” is not a number.</source>
            <translation>%1：“%2”不是一个数。</translation>
        </message>
        <message>
            <source>%1 is one of %2. Received: %3</source>
            <translation>%1 只能取 %2 之一。收到的是：%3</translation>
        </message>
        <message>
            <source>, </source>
            <translation>、</translation>
        </message>
        <message>
            <source>%1 takes a whole number from %2 to %3. Received: %4</source>
            <translation>%1 接受 %2 到 %3 之间的整数。收到的是：%4</translation>
        </message>
        <message>
            <source>%1 takes a number from %2 to %3. Received: %4</source>
            <translation>%1 接受 %2 到 %3 之间的数。收到的是：%4</translation>
        </message>
        <message>
            <source>%1 takes true or false. Received: %2</source>
            <translation>%1 接受 true 或 false。收到的是：%2</translation>
        </message>
        <message>
            <source>No setting “%1”; known: %2</source>
            <translation>没有设置项“%1”；已知的有：%2</translation>
        </message>
        <message>
            <source>%1 %2</source>
            <translation>%1 %2</translation>
        </message>
        <message>
            <source>The spec's %1 no longer fit batch %2 × query %3 × source %4 and were dropped.</source>
            <translation>spec 中的 %1 已不再符合 批次 %2 × 查询 %3 × 源 %4，已被丢弃。</translation>
        </message>
        <message>
            <source>per-batch query_mask</source>
            <translation>逐批次的 query_mask</translation>
        </message>
        <message>
            <source>per-batch value_mask</source>
            <translation>逐批次的 value_mask</translation>
        </message>
        <message>
            <source>From the spec: %1</source>
            <translation>来自 spec：%1</translation>
        </message>
        <message>
            <source>The query sentence is empty: type at least one word.</source>
            <translation>查询句子为空：请至少输入一个词。</translation>
        </message>
        <message>
            <source>Choose a .npy file for %1.</source>
            <translation>请为 %1 选择一个 .npy 文件。</translation>
        </message>
        <message>
            <source>%1 was not read.</source>
            <translation>未读取 %1。</translation>
        </message>
        <message>
            <source>(from the spec)</source>
            <translation>（来自 spec）</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StageView</name>
        <message>
            <source>Predict the result, then Reveal.</source>
            <translation>先预测结果，再点“揭晓”。</translation>
        </message>
        <message>
            <source>attnviz stage</source>
            <translation>attnviz 舞台</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::StepTimeline</name>
        <message>
            <source>First step (Home)</source>
            <translation>第一步（Home）</translation>
        </message>
        <message>
            <source>Previous step (Left)</source>
            <translation>上一步（左方向键）</translation>
        </message>
        <message>
            <source>Play / pause (Space)</source>
            <translation>播放 / 暂停（空格）</translation>
        </message>
        <message>
            <source>Next step (Right)</source>
            <translation>下一步（右方向键）</translation>
        </message>
        <message>
            <source>Last step (End)</source>
            <translation>最后一步（End）</translation>
        </message>
        <message>
            <source>Playback speed</source>
            <translation>播放速度</translation>
        </message>
        <message>
            <source>%1×</source>
            <translation>%1×</translation>
        </message>
        <message>
            <source>Step 88 of 88</source>
            <translation>第 88 步，共 88 步</translation>
        </message>
        <message>
            <source>The steps of the computation. Click one to jump there.</source>
            <translation>计算的各个步骤。点击其中一个即可跳转。</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>速度：</translation>
        </message>
        <message>
            <source>No steps</source>
            <translation>没有步骤</translation>
        </message>
        <message>
            <source>Step %1 of %2</source>
            <translation>第 %1 步，共 %2 步</translation>
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
            <translation>Σ 行</translation>
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
            <translation>揭晓应出现的模式</translation>
        </message>
        <message>
            <source>Residual (Add)</source>
            <translation>残差（Add）</translation>
        </message>
        <message>
            <source>LayerNorm</source>
            <translation>LayerNorm</translation>
        </message>
        <message>
            <source>Play</source>
            <translation>播放</translation>
        </message>
        <message>
            <source>Step</source>
            <translation>单步</translation>
        </message>
        <message>
            <source>Reset</source>
            <translation>重置</translation>
        </message>
        <message>
            <source>Log scale</source>
            <translation>对数刻度</translation>
        </message>
        <message>
            <source>Task</source>
            <translation>任务</translation>
        </message>
        <message>
            <source>Said after training, so that you can predict it first</source>
            <translation>训练后才说明，这样你可以先预测</translation>
        </message>
        <message>
            <source>Model</source>
            <translation>模型</translation>
        </message>
        <message>
            <source>Every block trains this layer with these options: change them in Setup</source>
            <translation>每个块都用这些选项训练此层：可在“设置”中修改</translation>
        </message>
        <message>
            <source>Layer (Setup):</source>
            <translation>层（设置）：</translation>
        </message>
        <message>
            <source>Blocks:</source>
            <translation>块数：</translation>
        </message>
        <message>
            <source>Embed width:</source>
            <translation>嵌入宽度：</translation>
        </message>
        <message>
            <source>Vocabulary:</source>
            <translation>词表大小：</translation>
        </message>
        <message>
            <source>Length:</source>
            <translation>长度：</translation>
        </message>
        <message>
            <source>Batch:</source>
            <translation>批次：</translation>
        </message>
        <message>
            <source>Seed:</source>
            <translation>种子：</translation>
        </message>
        <message>
            <source>Adam's learning rate; change it while training and the next step uses it</source>
            <translation>Adam 的学习率；训练中修改后，下一步即会使用</translation>
        </message>
        <message>
            <source>Learning rate:</source>
            <translation>学习率：</translation>
        </message>
        <message>
            <source>a = Add()([x, attention(x)]): the block's input is added back</source>
            <translation>a = Add()([x, attention(x)])：把块的输入加回来</translation>
        </message>
        <message>
            <source>a = LayerNormalization(epsilon=1e-3)(a)</source>
            <translation>a = LayerNormalization(epsilon=1e-3)(a)</translation>
        </message>
        <message>
            <source>Play / pause training (Space)</source>
            <translation>播放 / 暂停训练（空格）</translation>
        </message>
        <message>
            <source>One update: a batch, its loss, the gradients, one Adam step</source>
            <translation>一次更新：一个批次、它的损失、梯度、一步 Adam</translation>
        </message>
        <message>
            <source>Back to the initial weights: the same seed gives the same curve again</source>
            <translation>回到初始权重：同一个种子会再次给出同样的曲线</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>速度：</translation>
        </message>
        <message>
            <source>10 steps/s</source>
            <translation>10 步/秒</translation>
        </message>
        <message>
            <source>50 steps/s</source>
            <translation>50 步/秒</translation>
        </message>
        <message>
            <source>200 steps/s</source>
            <translation>200 步/秒</translation>
        </message>
        <message>
            <source>as fast as it goes</source>
            <translation>尽可能快</translation>
        </message>
        <message>
            <source>Take it home</source>
            <translation>带回家</translation>
        </message>
        <message>
            <source>Trained layer weights (weights.npz, for Setup)…</source>
            <translation>训练好的层权重（weights.npz，用于设置）…</translation>
        </message>
        <message>
            <source>The run as a train.json bundle…</source>
            <translation>将本次运行保存为 train.json 包…</translation>
        </message>
        <message>
            <source>Keras training script…</source>
            <translation>Keras 训练脚本…</translation>
        </message>
        <message>
            <source>PyTorch training script…</source>
            <translation>PyTorch 训练脚本…</translation>
        </message>
        <message>
            <source>Trained model as .keras…</source>
            <translation>将训练好的模型保存为 .keras…</translation>
        </message>
        <message>
            <source>step</source>
            <translation>步骤</translation>
        </message>
        <message>
            <source>loss (cross-entropy)</source>
            <translation>损失（交叉熵）</translation>
        </message>
        <message>
            <source>accuracy</source>
            <translation>准确率</translation>
        </message>
        <message>
            <source>Probe:</source>
            <translation>探测样例：</translation>
        </message>
        <message>
            <source>The example whose attention is drawn: token ids separated by spaces</source>
            <translation>要绘制其注意力的样例：以空格分隔的词元 id</translation>
        </message>
        <message>
            <source>The probe's attention weights in every head of every block (rows: queries, columns: keys; 0–1 viridis)</source>
            <translation>探测样例在每个块的每个头中的注意力权重（行：查询，列：键；0–1 viridis）</translation>
        </message>
        <message>
            <source>‖gradient‖ of each weight (last step)</source>
            <translation>每个权重的 ‖梯度‖（最后一步）</translation>
        </message>
        <message>
            <source>weight</source>
            <translation>权重</translation>
        </message>
        <message>
            <source>‖g‖</source>
            <translation>‖g‖</translation>
        </message>
        <message>
            <source>At most %1 here: the small multiples stay readable and a step stays under a frame. Received: %2</source>
            <translation>这里最多 %1：小图保持可读，每一步也能在一帧内完成。收到的是：%2</translation>
        </message>
        <message>
            <source>A task needs at least 2 tokens. Received: %1</source>
            <translation>任务至少需要 2 个词元。收到的是：%1</translation>
        </message>
        <message>
            <source>lookup needs a key, its value and a query: length 3 or more. Received: %1</source>
            <translation>lookup 需要一个键、它的值和一个查询：长度至少为 3。收到的是：%1</translation>
        </message>
        <message>
            <source>lookup draws %1 distinct keys from the lower half of the vocabulary: it needs at least %2 tokens for length %3. Received: %4</source>
            <translation>lookup 从词表的下半部分抽取 %1 个不同的键：长度为 %3 时至少需要 %2 个词元。收到的是：%4</translation>
        </message>
        <message>
            <source>lookup uses at most 128 tokens. Received: %1</source>
            <translation>lookup 最多使用 128 个词元。收到的是：%1</translation>
        </message>
        <message>
            <source>induction repeats a first half: length 4 or more. Received: %1</source>
            <translation>induction 会重复前一半：长度至少为 4。收到的是：%1</translation>
        </message>
        <message>
            <source>, called with use_causal_mask=True (the task is causal)</source>
            <translation>，以 use_causal_mask=True 调用（该任务是因果的）</translation>
        </message>
        <message>
            <source>unknown task '%1'; known: %2</source>
            <translation>未知任务“%1”；已知的有：%2</translation>
        </message>
        <message>
            <source>expected a number</source>
            <translation>应为一个数</translation>
        </message>
        <message>
            <source>unknown setting; known: task, blocks, residual, layer_norm, embed_dim, vocab, length, batch, seed, learning_rate</source>
            <translation>未知设置；已知的有：task、blocks、residual、layer_norm、embed_dim、vocab、length、batch、seed、learning_rate</translation>
        </message>
        <message>
            <source>expected an integer</source>
            <translation>应为一个整数</translation>
        </message>
        <message>
            <source>Pause</source>
            <translation>暂停</translation>
        </message>
        <message>
            <source>Each token is an id from 0 to %1. Received: %2</source>
            <translation>每个词元都是 0 到 %1 之间的 id。收到的是：%2</translation>
        </message>
        <message>
            <source>The probe needs %1 tokens (the model's length). Received: %2</source>
            <translation>探测样例需要 %1 个词元（模型的长度）。收到的是：%2</translation>
        </message>
        <message>
            <source>no temporary folder</source>
            <translation>没有临时文件夹</translation>
        </message>
        <message>
            <source>attnviz-trace could not write the .keras file: %1</source>
            <translation>attnviz-trace 无法写入 .keras 文件：%1</translation>
        </message>
        <message>
            <source>Trained layer weights</source>
            <translation>训练好的层权重</translation>
        </message>
        <message>
            <source>NumPy archive (*.npz)</source>
            <translation>NumPy 归档 (*.npz)</translation>
        </message>
        <message>
            <source>Folder for train.json and its data</source>
            <translation>存放 train.json 及其数据的文件夹</translation>
        </message>
        <message>
            <source>Keras training script</source>
            <translation>Keras 训练脚本</translation>
        </message>
        <message>
            <source>PyTorch training script</source>
            <translation>PyTorch 训练脚本</translation>
        </message>
        <message>
            <source>Python (*.py)</source>
            <translation>Python (*.py)</translation>
        </message>
        <message>
            <source>Trained model</source>
            <translation>训练好的模型</translation>
        </message>
        <message>
            <source>Keras model (*.keras)</source>
            <translation>Keras 模型 (*.keras)</translation>
        </message>
        <message>
            <source>wrote %1</source>
            <translation>已写入 %1</translation>
        </message>
        <message>
            <source>could not write %1: %2</source>
            <translation>无法写入 %1：%2</translation>
        </message>
        <message>
            <source> · %1 steps/s</source>
            <translation> · %1 步/秒</translation>
        </message>
        <message>
            <source>not trained yet</source>
            <translation>尚未训练</translation>
        </message>
        <message>
            <source>loss %1 · accuracy %2</source>
            <translation>损失 %1 · 准确率 %2</translation>
        </message>
        <message>
            <source>step %1 · %2%3</source>
            <translation>第 %1 步 · %2%3</translation>
        </message>
        <message>
            <source>The pattern to expect: %1. Compare it with the heads drawn here.</source>
            <translation>应出现的模式：%1。把它与这里画出的各个头比较一下。</translation>
        </message>
        <message>
            <source>The pattern to expect is said after training: predict it first.</source>
            <translation>应出现的模式会在训练后说明：请先预测。</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::WeightsPanel</name>
        <message>
            <source>Keras name</source>
            <translation>Keras 名称</translation>
        </message>
        <message>
            <source>Shape</source>
            <translation>形状</translation>
        </message>
        <message>
            <source>Parameters</source>
            <translation>参数</translation>
        </message>
        <message>
            <source>Source</source>
            <translation>来源</translation>
        </message>
        <message>
            <source>Initializer</source>
            <translation>初始化器</translation>
        </message>
        <message>
            <source>weights.npz key</source>
            <translation>weights.npz 中的键</translation>
        </message>
        <message>
            <source>Identity</source>
            <translation>单位矩阵</translation>
        </message>
        <message>
            <source>Zeros</source>
            <translation>全零</translation>
        </message>
        <message>
            <source>Ones</source>
            <translation>全一</translation>
        </message>
        <message>
            <source>Redraw from seed</source>
            <translation>用种子重新生成</translation>
        </message>
        <message>
            <source>The identity matrix, where the weight viewed as (inputs × outputs) is square</source>
            <translation>单位矩阵（仅当权重视为（输入 × 输出）时为方阵）</translation>
        </message>
        <message>
            <source>Keras' initializer, drawn from the setup's seed</source>
            <translation>Keras 的初始化器，由设置中的种子生成</translation>
        </message>
        <message>
            <source>Double-click a cell to type a value; the layer recomputes at once</source>
            <translation>双击单元格输入数值；该层会立即重新计算</translation>
        </message>
        <message>
            <source>edited</source>
            <translation>已编辑</translation>
        </message>
        <message numerus="yes">
            <source>&lt;b&gt;%1&lt;/b&gt;: %n trainable weight(s), &lt;b&gt;%2&lt;/b&gt; parameters in all (Keras' &lt;code&gt;layer.count_params()&lt;/code&gt;).</source>
            <translation>
                <numerusform>&lt;b&gt;%1&lt;/b&gt;：%n 个可训练权重，共 &lt;b&gt;%2&lt;/b&gt; 个参数（Keras 的 &lt;code&gt;layer.count_params()&lt;/code&gt;）。</numerusform>
            </translation>
        </message>
        <message>
            <source>The Transformer sub-layer's LayerNormalization adds %1 (a layer of its own).</source>
            <translation>Transformer 子层的 LayerNormalization 另有 %1 个（它是一个独立的层）。</translation>
        </message>
        <message>
            <source>This layer has no weights with these settings (use_scale or score_mode="concat" give Attention its scalars).</source>
            <translation>在这些设置下此层没有权重（use_scale 或 score_mode="concat" 会给 Attention 加上标量权重）。</translation>
        </message>
        <message>
            <source>&lt;b&gt;%1&lt;/b&gt; %2, shown as %3 × %4 (rows: its inputs, columns: its outputs)</source>
            <translation>&lt;b&gt;%1&lt;/b&gt; %2，显示为 %3 × %4（行：其输入，列：其输出）</translation>
        </message>
        <message>
            <source>The identity matrix: this weight passes its input through unchanged</source>
            <translation>单位矩阵：此权重原样传递其输入</translation>
        </message>
        <message>
            <source>No identity: %1.</source>
            <translation>无法设为单位矩阵：%1。</translation>
        </message>
        <message>
            <source>No weight is selected.</source>
            <translation>未选中任何权重。</translation>
        </message>
        <message>
            <source>identity</source>
            <translation>单位矩阵</translation>
        </message>
        <message>
            <source>zeros</source>
            <translation>全零</translation>
        </message>
        <message>
            <source>ones</source>
            <translation>全一</translation>
        </message>
        <message>
            <source>redrawn from seed %1</source>
            <translation>由种子 %1 重新生成</translation>
        </message>
    </context>
    <context>
        <name>attnviz::ui::stage</name>
        <message>
            <source>row %1 of the logits (%2)</source>
            <translation>logits 的第 %1 行（%2）</translation>
        </message>
        <message>
            <source>max %1</source>
            <translation>最大 %1</translation>
        </message>
        <message>
            <source>exp(s − max): subtract the row max %1 so exp cannot overflow; the largest becomes 1</source>
            <translation>exp(s − max)：减去该行最大值 %1，使 exp 不会溢出；最大的一项变为 1</translation>
        </message>
        <message>
            <source>÷ Σ = %1: the row now sums to 1 — these are the weights of row %2</source>
            <translation>÷ Σ = %1：这一行现在的和为 1 —— 这些就是第 %2 行的权重</translation>
        </message>
        <message>
            <source>The %1 largest weights, and the other %2 keys as one bar. </source>
            <translation>最大的 %1 个权重，其余 %2 个键合为一根柱。</translation>
        </message>
        <message>
            <source>%1 removes %2</source>
            <translation>%1 去掉 %2 个</translation>
        </message>
        <message>
            <source>A pair may attend only where every part keeps it (1): %1 of %2 cells here; %3.</source>
            <translation>只有当每个组成部分都保留它（1）时，该对才可以关注：这里 %2 个单元格中有 %1 个；%3。</translation>
        </message>
        <message>
            <source>Cell by cell: %1 = %2.</source>
            <translation>逐个单元格：%1 = %2。</translation>
        </message>
        <message>
            <source>A gate near 0 silences that channel of the head; near 1 it passes unchanged.</source>
            <translation>门接近 0 会让该头的这个通道静音；接近 1 则原样通过。</translation>
        </message>
        <message>
            <source>Cannot animate this step: %1</source>
            <translation>无法为此步骤生成动画：%1</translation>
        </message>
        <message>
            <source>Operands not available; showing the result only.</source>
            <translation>操作数不可用；仅显示结果。</translation>
        </message>
        <message>
            <source>batch %1</source>
            <translation>批次 %1</translation>
        </message>
        <message>
            <source>head %1</source>
            <translation>头 %1</translation>
        </message>
        <message>
            <source>The %1 heads' contexts are placed side by side: [%2, %3 × %4] → [%2, %5]. Keras folds this reshape into output_dense's einsum.</source>
            <translation>%1 个头的上下文并排放置：[%2, %3 × %4] → [%2, %5]。Keras 把这次 reshape 并入 output_dense 的 einsum 中。</translation>
        </message>
        <message>
            <source>Every cell is multiplied by %1: %2 × %1 = %3.</source>
            <translation>每个单元格都乘以 %1：%2 × %1 = %3。</translation>
        </message>
        <message>
            <source>dropout →</source>
            <translation>dropout →</translation>
        </message>
        <message>
            <source>%1 of %2 weights dropped (crossed); the kept ones are scaled by %3 so the expected sum stays the same. Training only.</source>
            <translation>%2 个权重中丢弃了 %1 个（划掉的）；保留的乘以 %3，使期望的和保持不变。仅在训练时。</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>每一行在其 %1 个特征上归一化：y = γ·(x − μ)/√(σ² + ε) + β。</translation>
        </message>
        <message>
            <source>broadcast from %1</source>
            <translation>由 %1 广播而来</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): their logits become a large negative number, so softmax gives them weight 0.</source>
            <translation>%2 个单元格中有 %1 个被掩码（掩码 = 0）：它们的 logits 变成一个很大的负数，因此 softmax 给它们的权重为 0。</translation>
        </message>
        <message>
            <source>%1 of %2 cells are masked (mask = 0): they are set to 0.</source>
            <translation>%2 个单元格中有 %1 个被掩码（掩码 = 0）：它们被置为 0。</translation>
        </message>
        <message>
            <source>where</source>
            <translation>其中</translation>
        </message>
        <message>
            <source>… (%1 terms)</source>
            <translation>…（共 %1 项）</translation>
        </message>
        <message>
            <source>bias %1</source>
            <translation>偏置 %1</translation>
        </message>
        <message>
            <source>Each cell is a dot product: a row of %1 with a column of %2 (%3 terms).</source>
            <translation>每个单元格都是一次点积：%1 的一行与 %2 的一列（共 %3 项）。</translation>
        </message>
        <message>
            <source>A Dense projection is one matrix product per token: x · W%1, all heads at once (the kernel is shown as a matrix of %2 × %3).</source>
            <translation>Dense 投影就是每个词元做一次矩阵乘积：x · W%1，所有头一次完成（核权重显示为 %2 × %3 的矩阵）。</translation>
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
            <translation>查询头 %1 ← 头 %2</translation>
        </message>
        <message>
            <source>query heads %1–%2 ← head %3</source>
            <translation>查询头 %1–%2 ← 头 %3</translation>
        </message>
        <message>
            <source>ops.repeat copies each of the %1 %2 heads %3 times along the head axis: %4.</source>
            <translation>ops.repeat 沿头轴把 %1 个 %2 头中的每一个复制 %3 次：%4。</translation>
        </message>
        <message>
            <source>The selected query head %1 reads %2 head %3, shared with %4 other query head(s).</source>
            <translation>选中的查询头 %1 读取 %2 头 %3，并与另外 %4 个查询头共享。</translation>
        </message>
        <message>
            <source>%1 others</source>
            <translation>其余 %1 个</translation>
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
            <translation>缩放</translation>
        </message>
        <message>
            <source>%1 (scalar, shape %2)</source>
            <translation>%1（标量，形状 %2）</translation>
        </message>
        <message>
            <source> · tanh</source>
            <translation> · tanh</translation>
        </message>
        <message>
            <source>(the intermediate terms are not shown: this step's weights are not in the trace)</source>
            <translation>（未显示中间项：此步骤的权重不在轨迹中）</translation>
        </message>
        <message>
            <source>rows</source>
            <translation>行</translation>
        </message>
        <message>
            <source>columns</source>
            <translation>列</translation>
        </message>
        <message>
            <source>of %1</source>
            <translation>共 %1</translation>
        </message>
        <message>
            <source>in</source>
            <translation>输入</translation>
        </message>
        <message>
            <source>head·unit</source>
            <translation>头·单元</translation>
        </message>
        <message>
            <source>out</source>
            <translation>输出</translation>
        </message>
        <message>
            <source>weight %1</source>
            <translation>权重 %1</translation>
        </message>
        <message>
            <source>… and the same for every other cell (%1 of %2)</source>
            <translation>…其余每个单元格也是如此（%1 / %2）</translation>
        </message>
        <message>
            <source>No step to show</source>
            <translation>没有可显示的步骤</translation>
        </message>
        <message>
            <source>Each row is normalised over its %1 features: row %2 has mean μ = %3 and σ = %4; y = γ·(x − μ)/√(σ² + ε) + β.</source>
            <translation>每一行在其 %1 个特征上归一化：第 %2 行的均值 μ = %3，σ = %4；y = γ·(x − μ)/√(σ² + ε) + β。</translation>
        </message>
    </context>
    <context>
        <name>main</name>
        <message>
            <source>attnviz: --set %1: %2</source>
            <translation>attnviz：--set %1：%2</translation>
        </message>
        <message>
            <source>expected NAME=VALUE</source>
            <translation>应为 NAME=VALUE</translation>
        </message>
        <message>
            <source>attnviz: --lang: %1</source>
            <translation>attnviz：--lang：%1</translation>
        </message>
        <message>
            <source>Step through Keras' attention layers.</source>
            <translation>逐步查看 Keras 的注意力层。</translation>
        </message>
        <message>
            <source>Render the window offscreen to a PNG and exit.</source>
            <translation>在屏幕外把窗口渲染为 PNG 后退出。</translation>
        </message>
        <message>
            <source>The spec.json to load.</source>
            <translation>要载入的 spec.json。</translation>
        </message>
        <message>
            <source>The step to show (its key, e.g. weights).</source>
            <translation>要显示的步骤（其键名，例如 weights）。</translation>
        </message>
        <message>
            <source>Window size for --screenshot.</source>
            <translation>--screenshot 使用的窗口尺寸。</translation>
        </message>
        <message>
            <source>With --screenshot: the view to show, one of %1 (default: stage).</source>
            <translation>配合 --screenshot：要显示的视图，为 %1 之一（默认：stage）。</translation>
        </message>
        <message>
            <source>Start in presentation mode.</source>
            <translation>以演示模式启动。</translation>
        </message>
        <message>
            <source>Measure recompute and repaint times, then exit.</source>
            <translation>测量重新计算和重绘的时间，然后退出。</translation>
        </message>
        <message>
            <source>Where the session autosave lives (default: $ATTNVIZ_STATE_DIR, else the app data folder).</source>
            <translation>会话自动保存的位置（默认：$ATTNVIZ_STATE_DIR，否则为应用数据文件夹）。</translation>
        </message>
        <message>
            <source>Set a setup field after start, as if typed: heads=3, sentence=the cat, inputs=table, query[1,2]=7.5. Repeatable.</source>
            <translation>启动后设置一个设置项，就像手动输入一样：heads=3、sentence=the cat、inputs=table、query[1,2]=7.5。可重复使用。</translation>
        </message>
        <message>
            <source>With --lesson: the slide to show (1-based).</source>
            <translation>配合 --lesson：要显示的幻灯片（从 1 开始）。</translation>
        </message>
        <message>
            <source>With --lesson --screenshot: reveal the question.</source>
            <translation>配合 --lesson --screenshot：揭晓问题的答案。</translation>
        </message>
        <message>
            <source>With --lesson: render every slide and the answers into a PDF and exit.</source>
            <translation>配合 --lesson：把所有幻灯片和答案渲染为 PDF 后退出。</translation>
        </message>
        <message>
            <source>Refuse setups whose trace needs more memory (e.g. 512M, 8G; default 4G).</source>
            <translation>拒绝轨迹所需内存超过此值的设置（例如 512M、8G；默认 4G）。</translation>
        </message>
        <message>
            <source>Threads for computing traces (0: every core; default: the compute/threads setting, else every core). The numbers do not depend on it.</source>
            <translation>计算轨迹的线程数（0：所有核心；默认：compute/threads 设置，否则为所有核心）。计算结果与此无关。</translation>
        </message>
        <message>
            <source>Colour probability steps from 0 to their top (largest value, or 99.5th percentile of 1000 or more) instead of 0–1.</source>
            <translation>将概率步骤的颜色范围设为 0 到其顶端（最大值；有 1000 个以上的值时为第 99.5 百分位数），而不是 0–1。</translation>
        </message>
        <message>
            <source>The language of the window: en, de, fr, es or zh_CN (default: View ▸ Language, else the system's).</source>
            <translation>窗口使用的语言：en、de、fr、es 或 zh_CN（默认：视图 ▸ 语言，否则使用系统语言）。</translation>
        </message>
        <message>
            <source>attnviz: --threads must be a number from 0 to 256. Received: %1</source>
            <translation>attnviz：--threads 必须是 0 到 256 之间的数。收到的是：%1</translation>
        </message>
        <message>
            <source>attnviz: --max-memory must be a positive size such as 512M, 1.5G or 8G (K, M, G, T are powers of 1024). Received: %1</source>
            <translation>attnviz：--max-memory 必须是正的大小，例如 512M、1.5G 或 8G（K、M、G、T 为 1024 的幂）。收到的是：%1</translation>
        </message>
        <message>
            <source>attnviz: --slide must be a slide number from 1. Received: %1</source>
            <translation>attnviz：--slide 必须是从 1 开始的幻灯片编号。收到的是：%1</translation>
        </message>
        <message>
            <source>attnviz: --size must be WxH, e.g. 1280x800. Received: %1</source>
            <translation>attnviz：--size 必须是 宽x高，例如 1280x800。收到的是：%1</translation>
        </message>
        <message>
            <source>attnviz: cannot use %1: %2</source>
            <translation>attnviz：无法使用 %1：%2</translation>
        </message>
        <message>
            <source>With --lesson: a student's worksheet PDF (operands, questions, room to answer; no results, no answers) and exit.</source>
            <translation>配合 --lesson：生成学生练习单 PDF（操作数、问题、作答空间；不含结果和答案）后退出。</translation>
        </message>
        <message>
            <source>With --lesson: the teacher's answer key PDF (the class plan with each slide's minutes, presenter notes, answers with their reasoning) and exit.</source>
            <translation>配合 --lesson：生成教师答案 PDF（课堂计划，含每张幻灯片的分钟数、讲者备注、答案及其推理）后退出。</translation>
        </message>
        <message>
            <source>attnviz: --%1 needs --lesson FILE</source>
            <translation>attnviz：--%1 需要 --lesson FILE</translation>
        </message>
        <message>
            <source>Open this lesson: a Markdown file (see the README), or a bundled lesson by number (2) or name (02-why-scale).</source>
            <translation>打开此课程：一个 Markdown 文件（见 README），或按编号（2）或名称（02-why-scale）指定的自带课程。</translation>
        </message>
        <message>
            <source>A spec to open (as --spec), or a lesson when it ends in .md (as --lesson).</source>
            <translation>要打开的 spec（同 --spec），若以 .md 结尾则为课程（同 --lesson）。</translation>
        </message>
        <message>
            <source>attnviz: give one FILE, or --spec / --lesson. Received: %1</source>
            <translation>attnviz：请给出一个 FILE，或使用 --spec / --lesson。收到的是：%1</translation>
        </message>
        <message>
            <source>With --screenshot: train the Train view this many steps first (--view train shows it; another view shows the trained layer on the probe).</source>
            <translation>配合 --screenshot：先让“训练”视图训练这么多步（--view train 显示该视图；其他视图显示训练好的层在探测样例上的情况）。</translation>
        </message>
        <message>
            <source>With --screenshot --view train: the task (copy, reverse, copy_previous, max, sort, lookup, induction).</source>
            <translation>配合 --screenshot --view train：任务（copy、reverse、copy_previous、max、sort、lookup、induction）。</translation>
        </message>
        <message>
            <source>attnviz: --train-steps must be 0 to 1000000. Received: %1</source>
            <translation>attnviz：--train-steps 必须在 0 到 1000000 之间。收到的是：%1</translation>
        </message>
    </context>
</TS>
