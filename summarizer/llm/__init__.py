"""The model: endpoint and client (openai + instructor), the embedded llama.cpp server, the prompts and
the per-chunk labelling request."""
