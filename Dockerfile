FROM python:3.11-slim
ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1
WORKDIR /app
COPY requirements.txt .
RUN pip install --no-cache-dir -r requirements.txt
COPY . .
RUN SECRET_KEY=build-only-collectstatic DEBUG=0 python manage.py collectstatic --noinput
RUN useradd --system --home /app claimtrack && chown -R claimtrack /app
USER claimtrack
EXPOSE 8000
CMD ["sh", "-c", "python manage.py migrate --noinput && gunicorn claimtrack.wsgi --bind 0.0.0.0:${PORT:-8000} --workers 3 --access-logfile -"]
