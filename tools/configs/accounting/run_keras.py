"""Keras 3.15 model.fit: batches per epoch and the optimizer's iterations (what schedules read)."""
import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
warnings.simplefilter("ignore")
import keras
import numpy as np

from common import case, write

c = case()
t = c["training"]
n = t["dataset_size"]
batch = t["batch_size"] * t.get("devices", 1)
model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
schedule = keras.optimizers.schedules.deserialize(c["keras_schedule"])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=schedule), loss="mse")
seen = []


class Record(keras.callbacks.Callback):
    def on_train_batch_begin(self, batch_index, logs=None):
        seen.append(int(self.model.optimizer.iterations.numpy()))


history = model.fit(np.ones((n, 1)), np.zeros((n, 1)), batch_size=batch, epochs=t["epochs"], verbose=0, callbacks=[Record()])
per_epoch = len(seen) // t["epochs"]
write({"steps": int(model.optimizer.iterations.numpy()), "steps_per_epoch": per_epoch, "batches_per_epoch": per_epoch,
       "iterations_seen": seen[:5]})
